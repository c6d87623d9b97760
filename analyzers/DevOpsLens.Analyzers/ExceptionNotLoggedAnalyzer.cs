using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2002. Inside a catch, a warning/error log call that passes no exception object — or any log call that
/// writes <c>ex.Message</c>, <c>ex.ToString()</c> or the exception as a message value — when no other log call in
/// the same catch passes the exception. Not reported: catches that rethrow (the exception travels on with its
/// stack trace), cancellation catches, and informational logs that do not mention the exception. A caught type
/// from a package that is not referenced (an unrestored clone) is still an exception, and the log call it leaves
/// unbound (<c>ex.Message</c> has no type) is recognised from its overload candidates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class ExceptionNotLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ExceptionNotLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InvocationExpression);
    }

    /// <summary>
    /// Only a call inside a catch that does not rethrow can be reported, and both facts are syntax: every other call
    /// (nearly all of them) is never bound. [LoggerMessage] methods have any name, so the name is not pre-checked.
    /// </summary>
    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var node = (InvocationExpressionSyntax)context.Node;
        if (CatchClauses.Enclosing(node) is not { } clause || CatchClauses.Rethrows(clause))
        {
            return;
        }

        switch (context.SemanticModel.GetOperation(node, context.CancellationToken))
        {
            case IInvocationOperation invocation:
                AnalyzeBound(context, invocation, clause);
                break;
            case IInvalidOperation:
                AnalyzeUnbound(context, node, clause);
                break;
        }
    }

    private static void AnalyzeBound(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, CatchClauseSyntax clause)
    {
        if (!LogCall.TryCreate(invocation, out var call) || call.ExceptionArgument != null)
        {
            return;
        }

        Check(context, clause, invocation.Syntax, call.MethodName, call.Level, call.Values().Select(v => v.Value.Syntax));
    }

    private static void AnalyzeUnbound(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax node, CatchClauseSyntax clause)
    {
        var model = context.SemanticModel;
        if (!LogCall.TryGetUnboundLevel(model, node, context.CancellationToken, out var level))
        {
            return;
        }

        var exceptionName = clause.Declaration?.Identifier.ValueText;
        if (LogCall.UnboundExceptionArgument(model, node, exceptionName, context.CancellationToken) != null)
        {
            return;
        }

        Check(context, clause, node, Unresolved.MethodName(node) ?? "Log", level, node.ArgumentList.Arguments.Select(a => (SyntaxNode)a.Expression));
    }

    private static void Check(SyntaxNodeAnalysisContext context, CatchClauseSyntax clause, SyntaxNode callSyntax, string methodName, LogLevelKind level, IEnumerable<SyntaxNode> values)
    {
        var model = context.SemanticModel;
        var caught = CatchClauses.CaughtType(clause, model);
        if (CatchClauses.IsCancellation(caught))
        {
            return;
        }

        var exceptionName = clause.Declaration?.Identifier.ValueText;
        var mentionsException = !string.IsNullOrEmpty(exceptionName) && values.Any(v => Mentions(v, exceptionName!));
        if (!mentionsException && level is not (LogLevelKind.Warning or LogLevelKind.Error))
        {
            return;
        }

        if (AnotherCallLogsException(clause, model, callSyntax, exceptionName, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ExceptionNotLogged, callSyntax.GetLocation(), methodName));
    }

    /// <summary>The exception variable itself, or a member of it (<c>ex.Message</c>, <c>ex.ToString()</c>), appears in the value.</summary>
    private static bool Mentions(SyntaxNode value, string exceptionName) =>
        value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == exceptionName);

    private static bool AnotherCallLogsException(CatchClauseSyntax clause, SemanticModel model, SyntaxNode self, string? exceptionName, CancellationToken cancellationToken)
    {
        foreach (var node in CatchClauses.OwnNodes(clause.Block).OfType<InvocationExpressionSyntax>())
        {
            if (node == self)
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
            else if (Unresolved.IsUnbound(model, node, cancellationToken))
            {
                // Unbound because the exception's own type is not referenced: a log call that passes it first, or
                // any other call that is handed the exception variable itself, keeps it.
                if (LogCall.TryGetUnboundLevel(model, node, cancellationToken, out _)
                        ? LogCall.UnboundExceptionArgument(model, node, exceptionName, cancellationToken) != null
                        : node.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax i && i.Identifier.ValueText == exceptionName && exceptionName != null))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
