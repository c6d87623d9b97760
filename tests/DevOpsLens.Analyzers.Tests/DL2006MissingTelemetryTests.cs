using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.WebHostInstrumentationAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2006MissingTelemetryTests
{
    [Fact]
    public Task Reports_host_with_no_tracing_or_metrics() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.Run();
        """, outputKind: OutputKind.ConsoleApplication,
        expected: VerifyCS.Diagnostic("DL2006").WithSpan(4, 15, 4, 49).WithArguments("Test0.cs", "tracing or metrics"));

    [Fact]
    public Task Says_which_signal_is_missing() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                builder.Services.AddOpenTelemetry().WithTracing(t => { });
                builder.Build().Run();
            }
        }
        """, outputKind: OutputKind.ConsoleApplication,
        expected: VerifyCS.Diagnostic("DL2006").WithSpan(9, 23, 9, 57).WithArguments("Program.Main", "metrics"));

    [Fact]
    public Task Does_not_report_azure_monitor_or_application_insights() => VerifyCS.VerifyAnalyzerAsync("""
        using Azure.Monitor.OpenTelemetry.AspNetCore;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenTelemetry().UseAzureMonitor();
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.Run();
        """, outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Counts_unbound_setup_calls_when_packages_are_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Shop").AddOtlpExporter());
        var app = builder.Build();
        app.Run();
        """, OutputKind.ConsoleApplication,
        VerifyCS.Diagnostic("DL2005").WithSpan(4, 15, 4, 49).WithArguments("Test0.cs"),
        VerifyCS.Diagnostic("DL2006").WithSpan(4, 15, 4, 49).WithArguments("Test0.cs", "metrics"));

    [Fact]
    public Task Does_not_report_unbound_service_defaults() => VerifyCS.VerifyWithoutPackagesAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.Run();
        """, OutputKind.ConsoleApplication);

    [Fact]
    public Task Does_not_count_an_unbound_call_with_another_name() => VerifyCS.VerifyWithoutPackagesAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenTelemetry();
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.Run();
        """, OutputKind.ConsoleApplication,
        VerifyCS.Diagnostic("DL2006").WithSpan(4, 15, 4, 49).WithArguments("Test0.cs", "tracing or metrics"));
}
