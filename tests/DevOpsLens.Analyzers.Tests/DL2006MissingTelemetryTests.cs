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
}
