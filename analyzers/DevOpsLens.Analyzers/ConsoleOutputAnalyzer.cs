using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2003. Console.Write*, Console.Out/Error.Write*, Debug.Write*/Print and Trace.Write*/Trace* in a service
/// (see <see cref="ServiceCompilation"/>). Not reported: console tools, libraries and tests (a test project, or a
/// class declaring tests where the test framework is not resolved); logger providers
/// and console formatters (writing to the console is their job); the entry point's catch blocks, which run
/// before or after logging exists.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class ConsoleOutputAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConsoleOutput);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ServiceCompilation.IsService(start.Compilation))
            {
                start.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InvocationExpression);
            }
        });
    }

    /// <summary>Every name <see cref="Describe"/> accepts: a call written with any other name is never bound.</summary>
    internal static bool IsWriteName(string? name) => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or
        "TraceInformation" or "TraceWarning" or "TraceError" or "WriteAsync" or "WriteLineAsync";

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var node = (InvocationExpressionSyntax)context.Node;
        if (!IsWriteName(Unresolved.MethodName(node)) ||
            context.SemanticModel.GetOperation(node, context.CancellationToken) is not IInvocationOperation invocation ||
            Describe(invocation) is not { } name)
        {
            return;
        }

        if (TestCode.IsInTestClass(node))
        {
            return;
        }

        var member = Prefilter.ContainingMember(context.SemanticModel, node, context.CancellationToken);
        if (member != null && (IsLoggingInfrastructure(member.ContainingType) ||
                               ServiceCompilation.IsEntryPoint(member) && CatchClauses.Enclosing(node) != null))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConsoleOutput, invocation.Syntax.GetLocation(), name));
    }

    /// <summary>"Console.WriteLine" and the like for a console, Debug or Trace write; null for anything else.</summary>
    internal static string? Describe(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (Symbols.Is(type, "System", "Console") && method.Name is "Write" or "WriteLine")
        {
            return "Console." + method.Name;
        }

        if (Symbols.Is(type, "System.Diagnostics", "Debug") && method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print")
        {
            return "Debug." + method.Name;
        }

        if (Symbols.Is(type, "System.Diagnostics", "Trace") &&
            method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "TraceInformation" or "TraceWarning" or "TraceError")
        {
            return "Trace." + method.Name;
        }

        if (method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" &&
            Symbols.Unwrap(invocation.Instance) is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property &&
            Symbols.Is(property.Property.ContainingType, "System", "Console"))
        {
            return "Console." + property.Property.Name + "." + method.Name;
        }

        return null;
    }

    private static bool IsLoggingInfrastructure(INamedTypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (Symbols.DerivesFrom(type, "Microsoft.Extensions.Logging.Console", "ConsoleFormatter"))
        {
            return true;
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (Symbols.Is(iface, "Microsoft.Extensions.Logging", "ILogger") || Symbols.Is(iface, "Microsoft.Extensions.Logging", "ILoggerProvider") ||
                Symbols.Is(iface, "Serilog.Core", "ILogEventSink"))
            {
                return true;
            }
        }

        return false;
    }
}
