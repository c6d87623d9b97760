using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2002. Inside a catch, a warning/error log call that passes no exception object — or any log call that
/// writes <c>ex.Message</c>, <c>ex.ToString()</c> or the exception as a message value — when no other log call in
/// the same catch passes the exception. Not reported: catches that rethrow (the exception travels on with its
/// stack trace), cancellation catches, and informational logs that do not mention the exception.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionNotLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ExceptionNotLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!LogCall.TryCreate(invocation, out var call) || call.ExceptionArgument != null)
        {
            return;
        }

        var clause = CatchClauses.Enclosing(invocation.Syntax);
        if (clause == null || CatchClauses.Rethrows(clause))
        {
            return;
        }

        var model = invocation.SemanticModel!;
        var caught = CatchClauses.CaughtType(clause, model);
        if (CatchClauses.IsCancellation(caught))
        {
            return;
        }

        var exceptionName = clause.Declaration?.Identifier.ValueText;
        var mentionsException = !string.IsNullOrEmpty(exceptionName) && call.Values().Any(v => Mentions(v.Value, exceptionName!));
        if (!mentionsException && call.Level is not (LogLevelKind.Warning or LogLevelKind.Error))
        {
            return;
        }

        if (AnotherCallLogsException(clause, model, invocation, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ExceptionNotLogged, invocation.Syntax.GetLocation(), call.MethodName));
    }

    /// <summary>The exception variable itself, or a member of it (<c>ex.Message</c>, <c>ex.ToString()</c>), appears in the value.</summary>
    private static bool Mentions(IOperation value, string exceptionName) =>
        value.Syntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == exceptionName);

    private static bool AnotherCallLogsException(CatchClauseSyntax clause, SemanticModel model, IInvocationOperation self, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var node in CatchClauses.OwnNodes(clause.Block).OfType<InvocationExpressionSyntax>())
        {
            if (node == self.Syntax)
            {
                continue;
            }

            if (model.GetOperation(node, cancellationToken) is IInvocationOperation other)
            {
                if (LogCall.TryCreate(other, out var otherCall) && otherCall.ExceptionArgument != null)
                {
                    return true;
                }

                // Handing the exception to telemetry (TrackException, RecordException, SetException…) keeps it too.
                if (!LogCall.TryCreate(other, out _) && other.Arguments.Any(a => Symbols.IsException(a.Value.Type) && !a.IsImplicit))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
