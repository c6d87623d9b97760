// Traces and metrics are exported with OTLP, but the endpoint is left to configuration.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddAspNetCoreInstrumentation())
    .WithMetrics(m => m.AddAspNetCoreInstrumentation())
    .UseOtlpExporter();
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
