// Health checks and telemetry are set up by the team's own wrappers from a shared package, named for what they do.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Contoso.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCustomHealthChecks(builder.Configuration);
builder.Services.AddObservability("orders-api");

var app = builder.Build();
app.MapCustomHealthChecks();
app.MapGet("/orders/{id}", (int id) => new { id });
app.Run();

namespace Contoso.Platform
{
    // Stand-ins for the shared package's extensions: in the solution their bodies live in another assembly.
    public static class PlatformExtensions
    {
        public static IServiceCollection AddCustomHealthChecks(this IServiceCollection services, IConfiguration configuration) => services;

        public static IServiceCollection AddObservability(this IServiceCollection services, string serviceName) => services;

        public static WebApplication MapCustomHealthChecks(this WebApplication app) => app;
    }
}
