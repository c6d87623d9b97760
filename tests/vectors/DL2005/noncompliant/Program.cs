// A web host with tracing and metrics but no health checks: the orchestrator cannot tell a broken instance.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = [|WebApplication.CreateBuilder(args)|];
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter())
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddOtlpExporter());

var app = builder.Build();
app.MapGet("/orders/{id}", (int id) => new { id });
app.Run();
