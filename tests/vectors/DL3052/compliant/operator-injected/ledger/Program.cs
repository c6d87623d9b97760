// The code sets up no telemetry: the OpenTelemetry Operator injects the .NET automatic instrumentation.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
