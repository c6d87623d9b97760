using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.WebHostInstrumentationAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2005MissingHealthChecksTests
{
    [Fact]
    public Task Reports_minimal_api_host_without_health_checks() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        var builder = {|DL2005:WebApplication.CreateBuilder(args)|};
        builder.Services.AddOpenTelemetry().WithTracing(t => { }).WithMetrics(m => { });
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.Run();
        """, outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Reports_generic_host_with_web_defaults_and_no_health_checks() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using OpenTelemetry;

        public static class Program
        {
            public static void Main(string[] args) =>
                {|DL2005:Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.Configure(app => { }))|}
                    .ConfigureServices(s => s.AddOpenTelemetry().WithTracing(t => { }).WithMetrics(m => { }))
                    .Build().Run();
        }
        """, outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Does_not_report_host_with_health_checks() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenTelemetry().WithTracing(t => { }).WithMetrics(m => { });
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.Run();
        """, outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Does_not_report_libraries_or_worker_hosts() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Hosting;
        public static class Program
        {
            public static void Main(string[] args) => Host.CreateApplicationBuilder(args).Build().Run();
        }
        """, outputKind: OutputKind.ConsoleApplication);
}
