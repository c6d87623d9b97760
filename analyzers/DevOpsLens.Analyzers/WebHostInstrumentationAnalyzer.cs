using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// the health-check or tracing/metrics setup methods. Calls are matched by method name so wrappers from other
/// packages with the standard names count; .NET Aspire's <c>AddServiceDefaults</c>/<c>MapDefaultEndpoints</c>
/// set up both, so they count too. Unbound calls (packages not restored) are matched by the name as written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class WebHostInstrumentationAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> HealthMethods = new() { "AddHealthChecks", "MapHealthChecks", "UseHealthChecks", "AddServiceDefaults", "MapDefaultEndpoints" };
    private static readonly HashSet<string> TracingMethods = new() { "WithTracing", "AddOpenTelemetryTracing", "AddApplicationInsightsTelemetry", "UseAzureMonitor", "AddServiceDefaults" };
    private static readonly HashSet<string> MetricsMethods = new() { "WithMetrics", "AddOpenTelemetryMetrics", "AddApplicationInsightsTelemetry", "UseAzureMonitor", "AddServiceDefaults" };

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
            // Pre-check: only the setup and host-creation methods by name are bound; without the packages restored
            // the setup calls are unbound and counted by the name as written.
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    var node = (InvocationExpressionSyntax)c.Node;
                    if (Unresolved.MethodName(node) is not { } written || !IsSetupMethod(written) && !IsWebHostCreationName(written))
                    {
                        return;
                    }

                    if (c.SemanticModel.GetOperation(node, c.CancellationToken) is IInvocationOperation invocation)
                    {
                        called.TryAdd(invocation.TargetMethod.Name, true);
                        if (IsWebHostCreation(invocation.TargetMethod))
                        {
                            hosts.Add((node.GetLocation(), Where(Prefilter.ContainingMember(c.SemanticModel, node, c.CancellationToken), node.SyntaxTree)));
                        }
                    }
                    else if (IsSetupMethod(written) && !called.ContainsKey(written) && Unresolved.IsUnbound(c.SemanticModel, node, c.CancellationToken))
                    {
                        called.TryAdd(written, true);
                    }
                },
                SyntaxKind.InvocationExpression);

            start.RegisterCompilationEndAction(end =>
            {
                if (hosts.IsEmpty)
                {
                    return;
                }

                var health = Any(called, HealthMethods);
                var tracing = Any(called, TracingMethods);
                var metrics = Any(called, MetricsMethods);
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

    private static bool IsSetupMethod(string name) => HealthMethods.Contains(name) || TracingMethods.Contains(name) || MetricsMethods.Contains(name);

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

    private static bool Any(ConcurrentDictionary<string, bool> called, HashSet<string> names)
    {
        foreach (var name in names)
        {
            if (called.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }
}
