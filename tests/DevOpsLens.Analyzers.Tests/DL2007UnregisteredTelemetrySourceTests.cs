using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.UnregisteredTelemetrySourceAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2007UnregisteredTelemetrySourceTests
{
    [Fact]
    public Task Reports_activity_source_and_meter_that_are_never_added() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;
        using OpenTelemetry.Trace;

        public static class Telemetry
        {
            public const string Name = "Shop.Orders";
            public static readonly ActivitySource Source = [|new ActivitySource(Name)|];
            public static readonly Meter Meter = [|new Meter("Shop.Orders.Metrics", "1.0")|];
            public static readonly ActivitySource Registered = new ActivitySource("Shop.Payments");

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry()
                    .WithTracing(t => t.AddSource("Shop.Payments").AddAspNetCoreInstrumentation())
                    .WithMetrics(m => m.AddMeter("Microsoft.AspNetCore.Hosting"));
        }
        """);

    [Fact]
    public Task Reports_meter_created_through_the_meter_factory() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        public sealed class OrderMetrics(IMeterFactory factory)
        {
            private readonly Meter _meter = [|factory.Create("Shop.Orders")|];

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("Shop.Payments"));
        }
        """);

    [Fact]
    public Task Does_not_report_registered_names_wildcards_or_name_properties() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;
        using OpenTelemetry.Trace;

        public static class Telemetry
        {
            public static readonly ActivitySource Orders = new ActivitySource("Shop.Orders");
            public static readonly ActivitySource Payments = new ActivitySource(nameof(Payments));
            public static readonly Meter Meter = new Meter("SHOP.Metrics");

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry()
                    .WithTracing(t => t.AddSource(Orders.Name).AddSource(nameof(Payments)))
                    .WithMetrics(m => m.AddMeter("Shop.*"));
        }
        """);

    [Fact]
    public Task Does_not_report_libraries_without_a_pipeline() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        public static class LibraryTelemetry
        {
            public static readonly ActivitySource Source = new("Contoso.Client");
        }
        """);

    [Fact]
    public Task Does_not_report_when_a_registration_is_computed_at_run_time() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        public static class Telemetry
        {
            public static readonly string ServiceName = typeof(Telemetry).Assembly.GetName().Name!;
            public static readonly ActivitySource Source = new ActivitySource("Shop.Orders");

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry().WithTracing(t => t.AddSource(ServiceName));
        }
        """);

    [Fact]
    public Task Reports_unregistered_source_when_packages_are_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Diagnostics;
        using Microsoft.Extensions.DependencyInjection;

        public static class Telemetry
        {
            public const string OrdersName = "Shop.Orders";
            public static readonly ActivitySource Orders = new(OrdersName);
            public static readonly ActivitySource Billing = new("Shop.Billing");
            public static readonly ActivitySource Payments = {|DL2007:new("Shop.Payments")|};

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry()
                    .WithTracing(t => t.AddSource(OrdersName).AddSource(Billing.Name).AddOtlpExporter());
        }
        """);

    [Fact]
    public Task Does_not_report_unbound_registration_computed_at_run_time() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Diagnostics;
        using Microsoft.Extensions.DependencyInjection;

        public static class Telemetry
        {
            public static readonly ActivitySource Source = new("Shop.Orders");

            public static void Configure(IServiceCollection services, string[] names) =>
                services.AddOpenTelemetry().WithTracing(t => t.AddSource(names));
        }
        """);

    [Fact]
    public Task Does_not_report_unbound_wildcard_registration() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.DependencyInjection;

        public static class Telemetry
        {
            public static readonly ActivitySource Source = new("Shop.Orders");
            public static readonly Meter Meter = new("Shop.Orders");

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry()
                    .WithTracing(t => t.AddSource("Shop.*"))
                    .WithMetrics(m => m.AddMeter("shop.orders"));
        }
        """);

    // A deliberate limit of the syntax pre-check (the old operation action reported it): IMeterFactory.Create is bound
    // only when the call mentions a meter or a factory, so a receiver named otherwise is not looked at.
    [Fact]
    public Task Does_not_bind_Create_on_a_receiver_that_names_neither_meter_nor_factory() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics.Metrics;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        public sealed class OrderMetrics(IMeterFactory source)
        {
            private readonly Meter _orders = source.Create("Shop.Orders");

            public static void Configure(IServiceCollection services) =>
                services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("Shop.Payments"));
        }
        """);
}
