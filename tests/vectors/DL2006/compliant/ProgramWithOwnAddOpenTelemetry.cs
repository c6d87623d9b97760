// The team's own AddOpenTelemetry on the host builder (from its service-defaults project) sets tracing and metrics up.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Contoso.ServiceDefaults.OpenTelemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenTelemetry();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapGet("/orders/{id}", (int id) => new { id });
app.Run();

namespace Contoso.ServiceDefaults.OpenTelemetry
{
    // Stand-in for the shared project's extension: in the solution its body lives in another project.
    public static class OpenTelemetrySetupExtensions
    {
        public static IHostApplicationBuilder AddOpenTelemetry(this IHostApplicationBuilder builder) => builder;
    }
}
