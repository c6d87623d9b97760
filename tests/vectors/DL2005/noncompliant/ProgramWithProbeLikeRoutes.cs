// Routes that only mention a probe word in an inner segment are ordinary endpoints: no health checks here.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Northwind.Platform;

var builder = [|WebApplication.CreateBuilder(args)|];
builder.Services.AddObservability("patients-api");

var app = builder.Build();
app.MapGet("/patients/{id}/health-records", (int id) => new { id });
app.MapGet("/ping/{host}", (string host) => new { host });
app.MapPost("/ready", () => "queued");
app.Run();

namespace Northwind.Platform
{
    // Stand-in for the shared package that sets up tracing and metrics; it maps no health endpoint.
    public static class ObservabilityExtensions
    {
        public static IServiceCollection AddObservability(this IServiceCollection services, string serviceName) => services;
    }
}
