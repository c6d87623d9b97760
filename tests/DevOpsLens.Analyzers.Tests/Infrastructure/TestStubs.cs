namespace DevOpsLens.Analyzers.Tests.Infrastructure;

/// <summary>
/// Minimal declarations of the third-party APIs the rules recognise (OpenTelemetry, Azure Monitor, Application
/// Insights, Serilog, cloud SDK credentials, ADO.NET providers, IdentityModel). They are not in the SDK's reference
/// packs; the analyzers match them by namespace, type and member name, which these stubs reproduce.
/// </summary>
internal static class TestStubs
{
    /// <summary>Types with no framework dependencies: every test compilation gets them.</summary>
    public const string Core = """
        #nullable enable
        namespace Serilog
        {
            public interface ILogger
            {
                void Information(string messageTemplate, params object?[]? propertyValues);
                void Warning(string messageTemplate, params object?[]? propertyValues);
                void Warning(System.Exception? exception, string messageTemplate, params object?[]? propertyValues);
                void Error(string messageTemplate, params object?[]? propertyValues);
                void Error(System.Exception? exception, string messageTemplate, params object?[]? propertyValues);
            }

            public static class Log
            {
                public static ILogger Logger { get; set; } = null!;
                public static void Information(string messageTemplate, params object?[]? propertyValues) { }
                public static void Warning(string messageTemplate, params object?[]? propertyValues) { }
                public static void Warning(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
                public static void Error(string messageTemplate, params object?[]? propertyValues) { }
                public static void Error(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
                public static void Fatal(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
            }
        }

        namespace Azure
        {
            public sealed class AzureKeyCredential { public AzureKeyCredential(string key) { } }
        }

        namespace Azure.Core
        {
            public abstract class TokenCredential { }
        }

        namespace Azure.Identity
        {
            public sealed class ClientSecretCredential : Azure.Core.TokenCredential
            {
                public ClientSecretCredential(string tenantId, string clientId, string clientSecret) { }
            }

            public sealed class DefaultAzureCredential : Azure.Core.TokenCredential { }
        }

        namespace Azure.Storage
        {
            public sealed class StorageSharedKeyCredential { public StorageSharedKeyCredential(string accountName, string accountKey) { } }
        }

        namespace Amazon.Runtime
        {
            public sealed class BasicAWSCredentials { public BasicAWSCredentials(string accessKey, string secretKey) { } }
        }

        namespace System.ClientModel
        {
            public sealed class ApiKeyCredential { public ApiKeyCredential(string key) { } }
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public string DataSource { get; set; } = "";
                public string UserID { get; set; } = "";
                public string Password { get; set; } = "";
                public string InitialCatalog { get; set; } = "";
            }
        }

        namespace Npgsql
        {
            public sealed class NpgsqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public string? Host { get; set; }
                public string? Username { get; set; }
                public string? Password { get; set; }
            }
        }

        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey { }
            public sealed class SymmetricSecurityKey : SecurityKey { public SymmetricSecurityKey(byte[] key) { } }
        }
        """;

    /// <summary>OpenTelemetry and vendor setup methods on ASP.NET Core's service collection: service tests only.</summary>
    public const string Service = """
        #nullable enable
        namespace OpenTelemetry
        {
            public sealed class OpenTelemetryBuilder
            {
                public Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; } = null!;
            }

            public static class OpenTelemetryBuilderSdkExtensions
            {
                public static OpenTelemetryBuilder WithTracing(this OpenTelemetryBuilder builder, System.Action<Trace.TracerProviderBuilder> configure) => builder;
                public static OpenTelemetryBuilder WithMetrics(this OpenTelemetryBuilder builder, System.Action<Metrics.MeterProviderBuilder> configure) => builder;
                public static OpenTelemetryBuilder ConfigureResource(this OpenTelemetryBuilder builder, System.Action<object> configure) => builder;
            }
        }

        namespace OpenTelemetry.Trace
        {
            public abstract class TracerProviderBuilder
            {
                public abstract TracerProviderBuilder AddSource(params string[] names);
            }

            public static class TracerProviderBuilderExtensions
            {
                public static TracerProviderBuilder AddAspNetCoreInstrumentation(this TracerProviderBuilder builder) => builder;
                public static TracerProviderBuilder AddHttpClientInstrumentation(this TracerProviderBuilder builder) => builder;
                public static TracerProviderBuilder AddOtlpExporter(this TracerProviderBuilder builder) => builder;
            }
        }

        namespace OpenTelemetry.Metrics
        {
            public abstract class MeterProviderBuilder
            {
                public abstract MeterProviderBuilder AddMeter(params string[] names);
            }

            public static class MeterProviderBuilderExtensions
            {
                public static MeterProviderBuilder AddAspNetCoreInstrumentation(this MeterProviderBuilder builder) => builder;
                public static MeterProviderBuilder AddRuntimeInstrumentation(this MeterProviderBuilder builder) => builder;
                public static MeterProviderBuilder AddOtlpExporter(this MeterProviderBuilder builder) => builder;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class OpenTelemetryServicesExtensions
            {
                public static OpenTelemetry.OpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services) => new();
            }

            public static class ApplicationInsightsExtensions
            {
                public static IServiceCollection AddApplicationInsightsTelemetry(this IServiceCollection services) => services;
            }
        }

        namespace Azure.Monitor.OpenTelemetry.AspNetCore
        {
            public static class OpenTelemetryBuilderExtensions
            {
                public static global::OpenTelemetry.OpenTelemetryBuilder UseAzureMonitor(this global::OpenTelemetry.OpenTelemetryBuilder builder) => builder;
            }
        }
        """;

    public static IEnumerable<(string Name, string Text)> For(Framework framework)
    {
        yield return ("Stubs.Core.cs", Core);
        if (framework == Framework.AspNetCore)
        {
            yield return ("Stubs.Service.cs", Service);
        }
    }
}
