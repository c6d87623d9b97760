using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2008. The outermost loops (while, do, for, foreach, await foreach) of a BackgroundService.ExecuteAsync
/// override that are neither inside a try with a catch nor contain one that catches more than cancellation.
/// A loop is also guarded when it calls a method of the same compilation whose body handles exceptions at its
/// top level (the common "ProcessOnceAsync" shape), and loops that only wait (Task.Delay, timers) and report (log or console lines) are ignored.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class UnguardedBackgroundLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnguardedBackgroundLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (declaration.Identifier.ValueText != "ExecuteAsync" || !declaration.Modifiers.Any(SyntaxKind.OverrideKeyword) ||
            context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method || !OverridesBackgroundService(method))
        {
            return;
        }

        var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body == null)
        {
            return;
        }

        foreach (var loop in CatchClauses.OwnNodes(body).Where(IsLoop))
        {
            if (loop.Ancestors().TakeWhile(a => a != body).Any(a => IsLoop(a) || IsGuardedTryBlock(a, loop, context.SemanticModel)))
            {
                continue;
            }

            var loopBody = LoopBody(loop);
            if (loopBody == null || HandlesExceptions(loopBody, context.SemanticModel) || OnlyWaits(loopBody) ||
                CallsGuardedMethod(loopBody, context.SemanticModel, context.CancellationToken))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnguardedBackgroundLoop, loop.GetFirstToken().GetLocation(), method.ContainingType.Name));
        }
    }

    private static bool OverridesBackgroundService(IMethodSymbol method)
    {
        for (var m = method.OverriddenMethod; m != null; m = m.OverriddenMethod)
        {
            if (Symbols.Is(m.ContainingType, "Microsoft.Extensions.Hosting", "BackgroundService"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoop(SyntaxNode node) => node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax;

    private static StatementSyntax? LoopBody(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax w => w.Statement,
        DoStatementSyntax d => d.Statement,
        ForStatementSyntax f => f.Statement,
        ForEachStatementSyntax f => f.Statement,
        _ => null,
    };

    /// <summary><paramref name="ancestor"/> is a try whose protected block holds the loop and which catches more than cancellation.</summary>
    private static bool IsGuardedTryBlock(SyntaxNode ancestor, SyntaxNode loop, SemanticModel model) =>
        ancestor is TryStatementSyntax tryStatement && tryStatement.Block.Span.Contains(loop.Span) && CatchesFailures(tryStatement, model);

    private static bool HandlesExceptions(SyntaxNode node, SemanticModel model) =>
        CatchClauses.OwnNodes(node).OfType<TryStatementSyntax>().Any(t => CatchesFailures(t, model));

    private static bool CatchesFailures(TryStatementSyntax tryStatement, SemanticModel model) =>
        tryStatement.Catches.Any(c => !CatchClauses.IsCancellation(CatchClauses.CaughtType(c, model)));

    /// <summary>
    /// The loop only waits and reports that it is alive (the worker template's heartbeat: a log line, a console line,
    /// a delay): nothing in it can fail in a way a catch would handle, so there is nothing to guard.
    /// </summary>
    private static bool OnlyWaits(SyntaxNode loopBody) =>
        CatchClauses.OwnNodes(loopBody).OfType<InvocationExpressionSyntax>().All(i =>
            i.Expression is MemberAccessExpressionSyntax access && IsWaitOrReport(access));

    private static bool IsWaitOrReport(MemberAccessExpressionSyntax access)
    {
        var name = access.Name.Identifier.ValueText;
        if (name is "Delay" or "WaitForNextTickAsync" or "ConfigureAwait" or "IsEnabled" or
            "Log" or "LogTrace" or "LogDebug" or "LogInformation" or "LogWarning" or "LogError" or "LogCritical")
        {
            return true;
        }

        // TimeSpan.FromSeconds(5) as the delay; Console.WriteLine / Console.Out.WriteLineAsync as the heartbeat.
        var receiver = access.Expression.ToString();
        return receiver is "TimeSpan" or "System.TimeSpan" && name.StartsWith("From", System.StringComparison.Ordinal) ||
               receiver is "Console" or "System.Console" or "Console.Out" or "System.Console.Out" && ConsoleOutputAnalyzer.IsWriteName(name);
    }

    private static bool CallsGuardedMethod(SyntaxNode loopBody, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var invocation in CatchClauses.OwnNodes(loopBody).OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target)
            {
                continue;
            }

            foreach (var reference in target.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var body = syntax switch
                {
                    MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                    LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody,
                    _ => null,
                };

                if (body is BlockSyntax block && block.Statements.OfType<TryStatementSyntax>().Any(t =>
                        t.Catches.Any(c => c.Declaration == null || !IsCancellationName(c.Declaration.Type))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The callee may live in another syntax tree, where this semantic model cannot bind: match the type by name.
    private static bool IsCancellationName(TypeSyntax type) =>
        type.ToString() is "OperationCanceledException" or "TaskCanceledException" or "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException";
}
