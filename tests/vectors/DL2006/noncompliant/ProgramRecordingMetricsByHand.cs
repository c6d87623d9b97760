// Traces are exported, but methods that merely handle metrics (recording, reading) set up no metrics pipeline.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

var builder = [|WebApplication.CreateBuilder(args)|];
builder.Services.AddHealthChecks();
builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapPost("/orders", async () => await OrderStats.RecordMetricAsync("orders.created"));
app.MapGet("/stats", () => OrderStats.GetMetrics());
app.Run();

static class OrderStats
{
    private static int _count;

    public static System.Threading.Tasks.Task RecordMetricAsync(string name)
    {
        System.Threading.Interlocked.Increment(ref _count);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public static int GetMetrics() => _count;
}
