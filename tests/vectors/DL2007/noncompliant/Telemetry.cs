// The ActivitySource and Meter are created but never added to the pipeline, so their spans and metrics are dropped.
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

    public static readonly ActivitySource Source = [|new ActivitySource(SourceName)|];

    public static readonly Meter Meter = [|new Meter("Contoso.Checkout.Metrics", "1.0.0")|];

    public static readonly Counter<long> Orders = Meter.CreateCounter<long>("checkout.orders");

    public static IServiceCollection AddCheckoutTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Contoso.Payments").AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter("Microsoft.AspNetCore.Hosting").AddRuntimeInstrumentation());
        return services;
    }
}
