using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.SecretAssignmentAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL1005SecretAssignmentTests
{
    [Fact]
    public Task Reports_literals_stored_under_secret_names() => VerifyCS.VerifyAnalyzerAsync(""""
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;

        public sealed class MailOptions
        {
            public const string SmtpPassword = [|"Xk9#mQ2vLp7wRz4t"|];
            public string ApiKey { get; set; } = [|@"f3Q9zL1xV8pR2mK7"|];
            private readonly string _clientSecret = [|$"Hq7~vN2pX9rT4wLz"|];
            public string Token => [|"""tK8pW3nQ9vX2mZ7r"""|];
        }

        public sealed class Setup
        {
            public void Configure(IConfiguration config, Dictionary<string, string> settings)
            {
                var dbPassword = [|"Zr4#pQ8wLm2v" + "Xk9t"|];
                config["Db:Password"] = [|"Pl3&kM9qWx2zR7v"|];
                var map = new Dictionary<string, string> { ["ApiToken"] = [|"Vb6!nQ2rT8pL4xZk"|] };
                settings.Add("SigningKey", [|"Mn8@qR3vW7pX2kLz"|]);
                var anonymous = new { Password = [|"Yt5%wQ9rL2mX8pKz"|] };
                Connect(password: [|"Rq2^mZ8vK4pW7xLt"|]);
                var options = new MailOptions { ApiKey = [|"Gh7*pR2vQ9wL4zXm"|] };
            }

            private static void Connect(string password) { }
        }
        """");

    [Fact]
    public Task Does_not_report_setting_names_placeholders_or_references() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Configuration;

        public sealed class MailOptions
        {
            public const string SectionName = "Mail";
            public const string PasswordKey = "Mail:Password";
            public const string ConnectionStringName = "ConnectionStrings:Main";
            [ConfigurationKeyName("api-key")]
            public string ApiKey { get; set; } = "";
            public string Password { get; set; } = "changeme";
            public string Token { get; set; } = "<your-token-here>";
            public string ClientSecret { get; set; } = "${CLIENT_SECRET}";
            public int TokenLifetimeMinutes { get; set; } = 30;
            public string TokenEndpoint { get; set; } = "https://login.example.com/oauth2/token";
            public string PasswordHash { get; set; } = "";
        }

        public sealed class Setup(IConfiguration config)
        {
            public string Read()
            {
                var apiToken = Environment.GetEnvironmentVariable("API_TOKEN");
                var password = config["Db:Password"];
                var secretName = nameof(MailOptions.ClientSecret);
                var passwordField = "password";
                return apiToken + password + secretName + passwordField;
            }
        }
        """);

    [Fact]
    public async Task Additional_names_option_from_editorconfig_reaches_the_analyzer()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<SecretAssignmentAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                public static class Smtp
                {
                    public const string Relay = [|"Xk9#mQ2vLp7wRz4t"|];
                    public const string Host = "Zr4#pQ8wLm2vXk9t";
                }
                """,
        };
        Infrastructure.CSharpVerifier<SecretAssignmentAnalyzer>.Configure(test.TestState, Infrastructure.Framework.NetCore, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndevopslens.DL1005.additional_names = Relay\n"));
        await test.RunAsync();
    }

    // Each form below reaches the analyzer through a different syntax-node pre-check: a collection initializer pair,
    // a positional literal bound to a secret-named parameter, a parameter default, a getter's return statement and
    // an expression-bodied getter, and constants reached through a name under a written secret name.
    [Fact]
    public Task Reports_secret_literals_through_every_prechecked_form() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public sealed class Vault
        {
            private const string Seed = "Jq4#vM8pR2wLx7Tz";
            public string ClientSecret { get { return [|"Wd3!kP9vQ2mR7xLz"|]; } }
            public string AccessToken { get => [|"Nc5$rT8wQ1vK4pXm"|]; }
            public string Password => [|Seed|];

            public Dictionary<string, string> Settings() => new() { { "Db:Password", [|"Bf2&xQ7mW9pL4vRz"|] } };

            public void Open(string password = [|"Sv8*mK2pQ7wX4rLt"|]) { }

            public void Run()
            {
                Open([|"Hm6@pW3vR9qL2xZk"|]);
                var apiKey = [|Seed|];
                Open(password: [|Seed|]);
            }
        }
        """);

    // A deliberate limit of the syntax pre-check (the old operation action reported it): a positional argument whose
    // value is only a constant's name is not bound, because binding every call that passes a name would bind nearly
    // every method. The named form and the declaration under a secret name are still reported (tests above).
    [Fact]
    public Task Does_not_bind_a_positional_argument_that_only_names_a_constant() => VerifyCS.VerifyAnalyzerAsync("""
        public sealed class Vault
        {
            private const string Seed = "Jq4#vM8pR2wLx7Tz";

            public void Open(string password) { }

            public void Run() => Open(Seed);
        }
        """);
}
