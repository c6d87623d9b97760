// Every source and meter is registered by its name, its Name property or a wildcard.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contoso.Checkout;

public static class CheckoutTelemetry
{
    public const string SourceName = "Contoso.Checkout";

    public static readonly ActivitySource Source = new ActivitySource(SourceName);

    public static readonly ActivitySource Payments = new ActivitySource("Contoso.Payments");

    public static readonly Meter Meter = new Meter("Contoso.Checkout.Metrics", "1.0.0");

    public static IServiceCollection AddCheckoutTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(SourceName).AddSource(Payments.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter("Contoso.*").AddRuntimeInstrumentation());
        return services;
    }
}
