using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DevOpsLens.Engine.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>
/// DL2002: passes the caught exception to the logger's exception parameter — inserted before the message
/// argument, which is where Microsoft.Extensions.Logging and Serilog overloads take it. Offered only when such an
/// overload exists ([LoggerMessage] methods need a signature change, so they get no fix).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionNotLoggedCodeFix)), Shared]
public sealed class ExceptionNotLoggedCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExceptionNotLogged);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation ||
                MessageArgumentIndex(model, invocation, context.CancellationToken) < 0 || !HasExceptionOverload(model, invocation))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Pass the exception to the logger", ct => FixAsync(context.Document, invocation, ct), nameof(ExceptionNotLoggedCodeFix)),
                diagnostic);
        }
    }

    private static int MessageArgumentIndex(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return -1;
        }

        for (var i = 0; i < invocation.ArgumentList.Arguments.Count; i++)
        {
            var syntax = invocation.ArgumentList.Arguments[i];
            var argument = operation.Arguments.FirstOrDefault(a => a.Syntax == syntax);
            if (argument?.Parameter?.Name is "message" or "messageTemplate" && syntax.NameColon == null)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasExceptionOverload(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        var group = model.GetMemberGroup(invocation.Expression);
        return group.OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Type.Name == "Exception" && p.Type.ContainingNamespace?.ToDisplayString() == "System"));
    }

    private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var clause = invocation.Ancestors().OfType<CatchClauseSyntax>().FirstOrDefault();
        if (root == null || model == null || clause == null)
        {
            return document;
        }

        var index = MessageArgumentIndex(model, invocation, cancellationToken);
        var (newClause, name) = CatchEdits.EnsureVariable(clause, model);
        var tracked = root.TrackNodes(clause, invocation);
        var currentInvocation = tracked.GetCurrentNode(invocation)!;
        var arguments = currentInvocation.ArgumentList.Arguments.Insert(index, SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name)));
        tracked = tracked.ReplaceNode(currentInvocation, currentInvocation.WithArgumentList(currentInvocation.ArgumentList.WithArguments(arguments)));
        if (newClause != clause)
        {
            var currentClause = tracked.GetCurrentNode(clause)!;
            tracked = tracked.ReplaceNode(currentClause, currentClause.WithCatchKeyword(newClause.CatchKeyword).WithDeclaration(newClause.Declaration));
        }

        return document.WithSyntaxRoot(tracked);
    }
}
