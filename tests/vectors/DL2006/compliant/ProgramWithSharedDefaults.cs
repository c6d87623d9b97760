// Telemetry and health checks come from the solution's shared service-defaults project (eShop's AddBasicServiceDefaults shape).
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Contoso.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddBasicServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/orders/{id}", (int id) => new { id });
app.Run();

namespace Contoso.ServiceDefaults
{
    // Stand-ins for the shared project's extensions: in the solution their bodies live in another project.
    public static class Extensions
    {
        public static IHostApplicationBuilder AddBasicServiceDefaults(this IHostApplicationBuilder builder) => builder;

        public static WebApplication MapDefaultEndpoints(this WebApplication app) => app;
    }
}
