// The code sets up no telemetry, and the pod turns the operator injection off.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
