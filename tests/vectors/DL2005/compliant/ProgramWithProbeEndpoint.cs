// The team maps its own liveness probe by hand; the orchestrator can probe /system/healthz as it would MapHealthChecks.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter())
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddOtlpExporter());

var app = builder.Build();
app.MapGet("/system/healthz/", () => Results.Ok("up"));
app.MapGet("/invoices/{number}", (string number) => new { number });
app.Run();
