// Azure Monitor's OpenTelemetry distribution sets up both tracing and metrics.
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddOpenTelemetry().UseAzureMonitor();
builder.Services.AddControllers();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapControllers();
app.Run();
