using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2005 and DL2006, compilation-wide: a web host is built (WebApplication.CreateBuilder/CreateSlimBuilder,
/// WebHost.CreateDefaultBuilder, ConfigureWebHostDefaults/ConfigureWebHost) but nothing in the compilation calls
/// the health-check or tracing/metrics setup methods. Calls are matched by method name (see <see cref="Classify"/>)
/// so wrappers from other packages and from the solution's shared projects count: .NET Aspire's
/// <c>AddServiceDefaults</c>/<c>MapDefaultEndpoints</c> and their variants (<c>AddBasicServiceDefaults</c>), a
/// team's <c>AddCustomHealthChecks</c> or <c>AddObservability</c>. Unbound calls (packages not restored, a project
/// reference the scan does not compile) are matched by the name as written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class WebHostInstrumentationAnalyzer : DiagnosticAnalyzer
{
    [System.Flags]
    internal enum Setup
    {
        None = 0,
        Health = 1,
        Tracing = 2,
        Metrics = 4,
        All = Health | Tracing | Metrics,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MissingHealthChecks, Descriptors.MissingTelemetry);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (Symbols.IsTestCompilation(start.Compilation))
            {
                return;
            }

            var hosts = new ConcurrentBag<(Location Location, string Where)>();
            var called = new ConcurrentDictionary<string, bool>();
            // Pre-check by name: setup calls are counted by the name as written; only host-creation calls are bound.
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var node = (InvocationExpressionSyntax)c.Node;
                    if (Unresolved.MethodName(node) is not { } written)
                    {
                        return;
                    }

                    if (written == "AddOpenTelemetry" && IsOnHostBuilder(node))
                    {
                        called.TryAdd(HostBuilderTelemetry, true);
                        return;
                    }

                    if (MapsProbeRoute(written, node))
                    {
                        called.TryAdd(ProbeRoute, true);
                        return;
                    }

                    // Setup calls count by name whether they bind or not (a wrapper from a project the scan does not
                    // compile is unbound), so only host creation needs the binding that tells the framework's builder
                    // from a look-alike; binding costs the whole enclosing method body.
                    if (Classify(written) != Setup.None)
                    {
                        called.TryAdd(written, true);
                    }
                    else if (IsWebHostCreationName(written)
                             && c.SemanticModel.GetOperation(node, c.CancellationToken) is IInvocationOperation invocation && IsWebHostCreation(invocation.TargetMethod))
                    {
                        hosts.Add((node.GetLocation(), Where(Prefilter.ContainingMember(c.SemanticModel, node, c.CancellationToken), node.SyntaxTree)));
                    }
                },
                SyntaxKind.InvocationExpression);

            start.RegisterCompilationEndAction(end =>
            {
                if (hosts.IsEmpty)
                {
                    return;
                }

                var setup = Setup.None;
                foreach (var name in called.Keys)
                {
                    setup |= Classify(name);
                }

                var health = (setup & Setup.Health) != 0;
                var tracing = (setup & Setup.Tracing) != 0;
                var metrics = (setup & Setup.Metrics) != 0;
                var missing = !tracing && !metrics ? "tracing or metrics" : !tracing ? "tracing" : !metrics ? "metrics" : null;
                foreach (var host in hosts)
                {
                    if (!health)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingHealthChecks, host.Location, host.Where));
                    }

                    if (missing != null)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingTelemetry, host.Location, host.Where, missing));
                    }
                }
            });
        });
    }

    /// <summary>
    /// What a call of this name sets up. The framework's own names, plus the shapes teams give their wrappers, which
    /// usually live in a shared project or package whose body the compilation cannot see: <c>Add…ServiceDefaults</c>
    /// (Aspire and its variants) sets up everything; a name with "HealthCheck" registers or maps health checks; a name
    /// with "Tracing" or "Metric" sets up that signal; any other name with "Telemetry" or "Observability" sets up both.
    /// The SDK's bare <c>AddOpenTelemetry</c> does not count: alone it configures no signal (or only logging); a team's
    /// own <c>AddOpenTelemetry</c> on the host builder does (see <see cref="IsOnHostBuilder"/>).
    /// </summary>
    internal static Setup Classify(string name)
    {
        switch (name)
        {
            case HostBuilderTelemetry:
                return Setup.Tracing | Setup.Metrics;
            case "MapDefaultEndpoints" or "UseHealthChecks" or ProbeRoute:
                return Setup.Health;
            case "UseAzureMonitor":
                return Setup.Tracing | Setup.Metrics;
            case "AddOpenTelemetry":
                return Setup.None;
        }

        if (name.StartsWith("Add", StringComparison.Ordinal) && name.EndsWith("ServiceDefaults", StringComparison.Ordinal))
        {
            return Setup.All;
        }

        // Wrappers are registration methods (AddObservability, UseCustomTracing, ConfigureMetrics, MapAppHealthChecks);
        // a method that merely handles metrics (RecordMetricAsync, GetMetrics) sets nothing up.
        if (!IsSetupVerb(name))
        {
            return Setup.None;
        }

        var setup = Setup.None;
        if (name.IndexOf("HealthCheck", StringComparison.Ordinal) >= 0)
        {
            setup |= Setup.Health;
        }

        var tracing = name.IndexOf("Tracing", StringComparison.Ordinal) >= 0;
        var metrics = name.IndexOf("Metric", StringComparison.Ordinal) >= 0;
        if (tracing || metrics)
        {
            // AddOpenTelemetryTracing sets up tracing only, even though its name says Telemetry.
            return setup | (tracing ? Setup.Tracing : Setup.None) | (metrics ? Setup.Metrics : Setup.None);
        }

        if (name.IndexOf("Telemetry", StringComparison.Ordinal) >= 0 || name.IndexOf("Observability", StringComparison.Ordinal) >= 0)
        {
            setup |= Setup.Tracing | Setup.Metrics;
        }

        return setup;
    }

    /// <summary>The name <see cref="Classify"/> gives an endpoint the team maps by hand for the orchestrator's probes.</summary>
    private const string ProbeRoute = "MapGet(probe route)";

    /// <summary>
    /// The last segments of the routes teams map by hand for liveness and readiness probes (<c>/healthz</c>,
    /// <c>/system/ping</c>, <c>/ready</c>): an orchestrator can probe them as it would <c>MapHealthChecks</c>.
    /// </summary>
    private static readonly ImmutableHashSet<string> ProbeSegments = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "health", "healthz", "healthcheck", "health-check", "ping", "alive", "live", "livez", "liveness", "ready", "readyz", "readiness");

    /// <summary>
    /// <c>app.MapGet("/healthz", …)</c>: a GET endpoint whose literal route ends in a probe segment. Only the last
    /// segment counts, so <c>/health-records/{id}</c> or <c>/ping/{host}</c> are ordinary endpoints.
    /// </summary>
    private static bool MapsProbeRoute(string written, InvocationExpressionSyntax node)
    {
        if (written != "MapGet" || node.ArgumentList.Arguments.Count < 2 ||
            node.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } route)
        {
            return false;
        }

        var path = route.Token.ValueText.TrimEnd('/');
        var last = path.Substring(path.LastIndexOf('/') + 1);
        return ProbeSegments.Contains(last);
    }

    private static bool IsSetupVerb(string name)
    {
        foreach (var verb in SetupVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) && name.Length > verb.Length && char.IsUpper(name[verb.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] SetupVerbs = { "Add", "Use", "Configure", "With", "Map", "Register", "Enable", "Setup", "SetUp" };

    /// <summary>The name <see cref="Classify"/> gives a team's own <c>AddOpenTelemetry</c> on the host builder.</summary>
    private const string HostBuilderTelemetry = "AddOpenTelemetry(host builder)";

    /// <summary>
    /// <c>builder.AddOpenTelemetry()</c> rather than the SDK's <c>builder.Services.AddOpenTelemetry()</c> or
    /// <c>builder.Logging.AddOpenTelemetry()</c>: the SDK extends the service collection and the logging builder only,
    /// so a call on anything else is a team's wrapper that sets the pipeline up (usually in a service-defaults project).
    /// </summary>
    private static bool IsOnHostBuilder(InvocationExpressionSyntax node)
    {
        if (node.Expression is not MemberAccessExpressionSyntax { Expression: var receiver })
        {
            return false;
        }

        var last = receiver switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return last != null &&
               !last.EndsWith("Services", StringComparison.OrdinalIgnoreCase) && !last.EndsWith("ServiceCollection", StringComparison.OrdinalIgnoreCase) &&
               !last.EndsWith("Logging", StringComparison.OrdinalIgnoreCase) && !last.StartsWith("logging", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWebHostCreationName(string name) =>
        name is "CreateBuilder" or "CreateSlimBuilder" or "CreateDefaultBuilder" or "ConfigureWebHostDefaults" or "ConfigureWebHost";

    internal static bool IsWebHostCreation(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "CreateBuilder" or "CreateSlimBuilder" => Symbols.Is(type, "Microsoft.AspNetCore.Builder", "WebApplication"),
            "CreateDefaultBuilder" => Symbols.Is(type, "Microsoft.AspNetCore", "WebHost"),
            "ConfigureWebHostDefaults" or "ConfigureWebHost" => Symbols.NamespaceStartsWith(type?.ContainingNamespace, "Microsoft.Extensions.Hosting") ||
                                                               Symbols.NamespaceStartsWith(type?.ContainingNamespace, "Microsoft.AspNetCore.Hosting"),
            _ => false,
        };
    }

    private static string Where(ISymbol? symbol, SyntaxTree tree) =>
        symbol is IMethodSymbol { Name: "<Main>$" } || symbol == null
            ? Path.GetFileName(tree.FilePath)
            : symbol.ContainingType?.Name + "." + symbol.Name;
}
