// Tracing is set up with the older AddOpenTelemetryTracing API (OpenTelemetry.Extensions.Hosting before 1.4).
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetryTracing(tracing => tracing
    .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("ledger"))
    .AddAspNetCoreInstrumentation()
    .AddJaegerExporter());
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
