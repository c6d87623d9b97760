// An API with no health endpoint at all.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/orders", () => Results.Ok());
app.Run();
