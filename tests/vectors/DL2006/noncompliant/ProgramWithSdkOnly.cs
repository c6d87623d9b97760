// AddOpenTelemetry alone turns on no signal, and a wrapper named for something else proves nothing: no tracing or metrics.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Contoso.Platform;

var builder = [|WebApplication.CreateBuilder(args)|];
builder.Services.AddHealthChecks();
builder.Services.AddOpenTelemetry();
builder.Services.AddInfrastructure();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapGet("/orders/{id}", (int id) => new { id });
app.Run();

namespace Contoso.Platform
{
    // Stand-in for a shared project's registration of repositories and clients.
    public static class InfrastructureExtensions
    {
        public static IServiceCollection AddInfrastructure(this IServiceCollection services) => services;
    }
}
