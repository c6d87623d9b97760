using DevOpsLens.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

public sealed class ReplaceSecretWithConfigurationCodeFixTests
{
    [Fact]
    public Task Replaces_literals_with_configuration_or_environment_reads_in_one_fix_all() =>
        Infrastructure.CSharpVerifier<CredentialApiLiteralAnalyzer>.VerifyCodeFixAsync<ReplaceSecretWithConfigurationCodeFix>("""
            using System.Net;
            using Microsoft.Extensions.Configuration;

            class SmtpSender(IConfiguration configuration)
            {
                public NetworkCredential Credential(string user) => new NetworkCredential(user, [|"Winter2024!"|]);
            }

            class ReportUploader
            {
                public NetworkCredential Credential(string user) => new NetworkCredential(user, [|"Summer2023?"|]);
            }
            """, """
            using System.Net;
            using Microsoft.Extensions.Configuration;

            class SmtpSender(IConfiguration configuration)
            {
                public NetworkCredential Credential(string user) => new NetworkCredential(user, configuration["SmtpSender:Password"] ?? throw new System.InvalidOperationException("Configuration value 'SmtpSender:Password' is missing."));
            }

            class ReportUploader
            {
                public NetworkCredential Credential(string user) => new NetworkCredential(user, System.Environment.GetEnvironmentVariable("REPORTUPLOADER__PASSWORD") ?? throw new System.InvalidOperationException("Environment variable 'REPORTUPLOADER__PASSWORD' is not set."));
            }
            """);
}

public sealed class ReplaceSecretAssignmentCodeFixTests
{
    [Fact]
    public Task Uses_the_environment_where_no_configuration_is_reachable_and_configuration_elsewhere() =>
        Infrastructure.CSharpVerifier<SecretAssignmentAnalyzer>.VerifyCodeFixAsync<ReplaceSecretWithConfigurationCodeFix>("""
            using Microsoft.Extensions.Configuration;

            public sealed class MailSettings
            {
                private readonly IConfiguration _configuration;

                public MailSettings(IConfiguration configuration) => _configuration = configuration;

                public string ApiKey { get; set; } = [|"f3Q9zL1xV8pR2mK7"|];

                public void Rotate()
                {
                    ApiKey = [|"Hq7~vN2pX9rT4wLz"|];
                }
            }
            """, """
            using Microsoft.Extensions.Configuration;

            public sealed class MailSettings
            {
                private readonly IConfiguration _configuration;

                public MailSettings(IConfiguration configuration) => _configuration = configuration;

                public string ApiKey { get; set; } = System.Environment.GetEnvironmentVariable("MAILSETTINGS__APIKEY") ?? throw new System.InvalidOperationException("Environment variable 'MAILSETTINGS__APIKEY' is not set.");

                public void Rotate()
                {
                    ApiKey = _configuration["MailSettings:ApiKey"] ?? throw new System.InvalidOperationException("Configuration value 'MailSettings:ApiKey' is missing.");
                }
            }
            """);
}

public sealed class SwallowedExceptionCodeFixTests
{
    [Fact]
    public Task Logs_with_a_logger_in_scope_and_rethrows_without_one() =>
        Infrastructure.CSharpVerifier<SwallowedExceptionAnalyzer>.VerifyCodeFixAsync<SwallowedExceptionCodeFix>("""
            using System;
            using Microsoft.Extensions.Logging;

            class Importer(ILogger<Importer> logger)
            {
                public void Import(Action step)
                {
                    try
                    {
                        step();
                    }
                    [|catch|]
                    {
                    }
                }
            }

            class Exporter
            {
                public int Export(Func<int> step)
                {
                    try
                    {
                        return step();
                    }
                    [|catch (Exception)|]
                    {
                        return default;
                    }
                }
            }
            """, """
            using System;
            using Microsoft.Extensions.Logging;

            class Importer(ILogger<Importer> logger)
            {
                public void Import(Action step)
                {
                    try
                    {
                        step();
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Import failed");
                    }
                }
            }

            class Exporter
            {
                public int Export(Func<int> step)
                {
                    try
                    {
                        return step();
                    }
                    catch (Exception)
                    {
                        throw;
                    }
                }
            }
            """);
}

public sealed class ExceptionNotLoggedCodeFixTests
{
    [Fact]
    public Task Passes_the_exception_before_the_message() =>
        Infrastructure.CSharpVerifier<ExceptionNotLoggedAnalyzer>.VerifyCodeFixAsync<ExceptionNotLoggedCodeFix>("""
            using System;
            using Microsoft.Extensions.Logging;

            class Orders(ILogger<Orders> logger)
            {
                public void Submit(Action send)
                {
                    try { send(); }
                    catch (Exception ex) { [|logger.LogError("Submit failed: {Reason}", ex.Message)|]; }

                    try { send(); }
                    catch (InvalidOperationException) { [|logger.Log(LogLevel.Warning, "Submit rejected")|]; }

                    try { send(); }
                    catch (Exception) { [|Serilog.Log.Error("Submit failed")|]; }
                }
            }
            """, """
            using System;
            using Microsoft.Extensions.Logging;

            class Orders(ILogger<Orders> logger)
            {
                public void Submit(Action send)
                {
                    try { send(); }
                    catch (Exception ex) { logger.LogError(ex, "Submit failed: {Reason}", ex.Message); }

                    try { send(); }
                    catch (InvalidOperationException ex) { logger.Log(LogLevel.Warning, ex, "Submit rejected"); }

                    try { send(); }
                    catch (Exception ex) { Serilog.Log.Error(ex, "Submit failed"); }
                }
            }
            """);
}

public sealed class AddHealthChecksCodeFixTests
{
    [Fact]
    public Task Adds_health_check_registration_and_endpoint() =>
        Infrastructure.CSharpVerifier<WebHostInstrumentationAnalyzer>.VerifyCodeFixAsync<AddHealthChecksCodeFix>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;

            var builder = {|DL2005:WebApplication.CreateBuilder(args)|};
            builder.Services.AddOpenTelemetry().WithTracing(t => { }).WithMetrics(m => { });
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenTelemetry().WithTracing(t => { }).WithMetrics(m => { });
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.MapGet("/", () => "ok");
            app.Run();
            """, outputKind: OutputKind.ConsoleApplication);
}

public sealed class RegisterTelemetrySourceCodeFixTests
{
    [Fact]
    public Task Adds_the_source_to_the_tracing_builder() =>
        Infrastructure.CSharpVerifier<UnregisteredTelemetrySourceAnalyzer>.VerifyCodeFixAsync<RegisterTelemetrySourceCodeFix>("""
            using System.Diagnostics;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;
            using OpenTelemetry.Trace;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = [|new ActivitySource("Shop.Orders")|];

                public static void Configure(IServiceCollection services) =>
                    services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation());
            }
            """, """
            using System.Diagnostics;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;
            using OpenTelemetry.Trace;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = new ActivitySource("Shop.Orders");

                public static void Configure(IServiceCollection services) =>
                    services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Shop.Orders"));
            }
            """);

    [Fact]
    public Task Fix_all_registers_every_source() =>
        Infrastructure.CSharpVerifier<UnregisteredTelemetrySourceAnalyzer>.VerifyCodeFixAsync<RegisterTelemetrySourceCodeFix>("""
            using System.Diagnostics;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;
            using OpenTelemetry.Trace;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = [|new ActivitySource("Shop.Orders")|];
                public static readonly ActivitySource Payments = [|new ActivitySource("Shop.Payments")|];

                public static void Configure(IServiceCollection services) =>
                    services.AddOpenTelemetry().WithTracing(t => t.AddSource("Shop.Basket"));
            }
            """, """
            using System.Diagnostics;
            using Microsoft.Extensions.DependencyInjection;
            using OpenTelemetry;
            using OpenTelemetry.Trace;

            public static class Telemetry
            {
                public static readonly ActivitySource Orders = new ActivitySource("Shop.Orders");
                public static readonly ActivitySource Payments = new ActivitySource("Shop.Payments");

                public static void Configure(IServiceCollection services) =>
                    services.AddOpenTelemetry().WithTracing(t => t.AddSource("Shop.Basket").AddSource("Shop.Orders").AddSource("Shop.Payments"));
            }
            """, iterations: 2);
}
