// The health endpoint is mapped with a named argument.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();
app.UseHealthChecks(path: "/healthcheck");
app.MapGet("/orders", () => Results.Ok());
app.Run();
