// The service only logs to the console; it never sets up OpenTelemetry.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
