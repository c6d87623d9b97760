using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.SecretLoggedAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2009SecretLoggedTests
{
    [Fact]
    public Task Reports_secret_named_values_in_log_calls() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        public sealed record Login(string User, string Password);

        public sealed class AuthService(ILogger<AuthService> logger, IConfiguration configuration)
        {
            public void SignIn(Login login, string apiKey, string user, string secretValue)
            {
                logger.LogInformation("Signing in {User} with {Password}", login.User, [|login.Password|]);
                logger.LogDebug($"Using key {[|apiKey|]}");
                logger.LogInformation("Connection: " + [|configuration["Db:Password"]|]);
                logger.LogWarning("Login {User} {Secret}", user, [|secretValue|]);
                Serilog.Log.Information("Token {Token}", [|configuration["Auth:Token"]|]);
            }
        }
        """);

    [Fact]
    public Task Does_not_report_redacted_or_non_string_values() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        public sealed class AuthService(ILogger<AuthService> logger)
        {
            public void SignIn(string user, string password, string token, string tokenId, int tokenCount, bool hasPassword, DateTimeOffset tokenExpiry)
            {
                logger.LogInformation("Signing in {User}", user);
                logger.LogInformation("Password length {Length}", password.Length);
                logger.LogInformation("Token {Token}", Redact(token));
                logger.LogInformation("Tokens {Count} {HasPassword} {Expiry}", tokenCount, hasPassword, tokenExpiry);
                logger.LogInformation("The password was rejected for {User}", user);
                logger.LogInformation("Revoked {Token} for {User}", tokenId, user);
            }

            private static string Redact(string value) => "…" + value.Length;
        }
        """);

    [Fact]
    public Task Reports_secret_constant_written_to_the_log() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public sealed class PaymentClient(ILogger<PaymentClient> logger)
        {
            private const string StripeApiKey = "Zq81vR2mP7tY4wL9cJ6hF0dA5sG3eU1iO8nB";
            private const string ApiKeyHeader = "X-Api-Key";
            private const string ApiKeySetting = "Stripe:ApiKey";

            public void Configure()
            {
                logger.LogDebug("Using Stripe key {StripeApiKey}", [|StripeApiKey|]);
                logger.LogDebug("Sending the key in {Header} read from {Setting}", ApiKeyHeader, ApiKeySetting);
            }
        }
        """);

    [Fact]
    public Task Reports_secret_in_a_log_call_left_unbound_by_an_unrestored_package() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Npgsql;

        public sealed class Orders(ILogger<Orders> logger)
        {
            public void Load(Func<string> query, string user, string connectionString, string apiKey)
            {
                try { query(); }
                catch (NpgsqlException ex)
                {
                    logger.LogWarning("Query for {User} on {Connection} failed: {Reason}", user, [|connectionString|], ex.Message);
                    logger.LogWarning("Retrying {User} with {Token}: {Reason}", user, [|apiKey|], ex.Message);
                    logger.LogWarning("Giving up on {User} after {Attempts}: {Reason}", user, 3, ex.Message);
                }
            }
        }
        """);

    // The call site shows nothing secret: the placeholder is the [LoggerMessage] method's parameter name, declared
    // elsewhere, so the pre-check must look the method up rather than read the call.
    [Fact]
    public Task Reports_value_filling_a_secret_named_LoggerMessage_parameter_with_an_ordinary_name() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public static class Telemetry
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signed in with {Password}")]
            public static void SignedIn(ILogger sink, string password) { }
        }

        public sealed class AuthService(ILogger<AuthService> sink)
        {
            public void SignIn(string value) => Telemetry.SignedIn(sink, [|value|]);
        }
        """);

    // A [LoggerMessage] method of another project is not among this compilation's declarations: the pre-check lets the
    // call through because it mentions a logger and passes a secret-named value.
    [Fact]
    public async Task Reports_secret_passed_to_a_LoggerMessage_method_of_a_referenced_project()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<SecretLoggedAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                public sealed class AuthService(ILogger<AuthService> logger)
                {
                    public void SignIn(string password) => Shared.AppLog.SignedIn(logger, [|password|]);
                }
                """,
        };
        Infrastructure.CSharpVerifier<SecretLoggedAnalyzer>.Configure(test.TestState, Infrastructure.Framework.AspNetCore, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        var shared = new Microsoft.CodeAnalysis.Testing.ProjectState("Shared", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Shared/Test", "cs");
        shared.ReferenceAssemblies = Infrastructure.TestReferences.Offline;
        shared.AdditionalReferences.AddRange(Infrastructure.TestReferences.For(Infrastructure.Framework.AspNetCore));
        shared.Sources.Add(("AppLog.cs", """
            using Microsoft.Extensions.Logging;

            namespace Shared;

            public static class AppLog
            {
                [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Signed in with {Secret}")]
                public static void SignedIn(ILogger logger, string secret) { }
            }
            """));
        test.TestState.AdditionalProjects.Add("Shared", shared);
        test.TestState.AdditionalProjectReferences.Add("Shared");
        await test.RunAsync();
    }

    // A deliberate limit of the syntax pre-check (the old operation action reported it): the call shows nothing
    // secret-named when the template is a constant declared elsewhere and the value has an ordinary name.
    [Fact]
    public Task Does_not_bind_a_call_whose_only_secret_name_is_inside_a_constant_template() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public static class Templates
        {
            public const string SignedIn = "Signed in with {Password}";
        }

        public sealed class AuthService(ILogger<AuthService> logger)
        {
            public void SignIn(string value) => logger.LogInformation(Templates.SignedIn, value);
        }
        """);

    // The attribute written with its namespace, on a method inside a namespace: still found by the pre-check.
    [Fact]
    public Task Reports_through_a_qualified_LoggerMessage_attribute() => VerifyCS.VerifyAnalyzerAsync("""
        namespace Shop.Auth
        {
            public static partial class Telemetry
            {
                [Microsoft.Extensions.Logging.LoggerMessageAttribute(EventId = 2, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Token {ApiKey}")]
                public static void Issued(Microsoft.Extensions.Logging.ILogger sink, string apiKey) { }
            }

            public sealed class Issuer(Microsoft.Extensions.Logging.ILogger<Issuer> sink)
            {
                public void Issue(string value) => Telemetry.Issued(sink, [|value|]);
            }
        }
        """);
}
