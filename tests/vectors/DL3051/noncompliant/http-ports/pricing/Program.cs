// The service relies on ASPNETCORE_HTTP_PORTS from its deployment.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
