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
using Microsoft.CodeAnalysis.Formatting;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>
/// DL2001: with an ILogger in scope, log the exception with its object at the top of the catch (the existing
/// fallback stays); without one, replace the silent body with <c>throw;</c>. Comments are kept.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwallowedExceptionCodeFix)), Shared]
public sealed class SwallowedExceptionCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SwallowedException);

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
            var clause = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<CatchClauseSyntax>().FirstOrDefault();
            if (clause == null)
            {
                continue;
            }

            var logger = InScope.Find(model, clause.Block, InScope.IsLogger);
            var action = logger != null
                ? CodeAction.Create("Log the exception", ct => LogAsync(context.Document, clause, logger, ct), nameof(SwallowedExceptionCodeFix))
                : CodeAction.Create("Rethrow the exception", ct => RethrowAsync(context.Document, clause, ct), nameof(SwallowedExceptionCodeFix));
            context.RegisterCodeFix(action, diagnostic);
        }
    }

    private static async Task<Document> LogAsync(Document document, CatchClauseSyntax clause, string logger, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return document;
        }

        var (newClause, name) = CatchEdits.EnsureVariable(clause, model);
        var message = CatchEdits.Operation(model, clause) + " failed";
        var log = SyntaxFactory.ParseStatement(logger + ".LogError(" + name + ", " + SyntaxFactory.Literal(message).Text + ");")
            .WithAdditionalAnnotations(Formatter.Annotation);
        newClause = newClause.WithBlock(newClause.Block.WithStatements(newClause.Block.Statements.Insert(0, log)).WithAdditionalAnnotations(Formatter.Annotation));
        return document.WithSyntaxRoot(root.ReplaceNode(clause, newClause));
    }

    private static async Task<Document> RethrowAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return document;
        }

        // The trivial statements (return default, flag = true) would be unreachable after the rethrow; their comments stay.
        var comments = clause.Block.Statements.SelectMany(s => s.GetLeadingTrivia())
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .SelectMany(t => new[] { t, SyntaxFactory.ElasticLineFeed })
            .ToList();
        StatementSyntax rethrow = SyntaxFactory.ThrowStatement().WithLeadingTrivia(comments);
        var block = clause.Block.WithStatements(SyntaxFactory.SingletonList(rethrow));
        return document.WithSyntaxRoot(root.ReplaceNode(clause.Block, block.WithAdditionalAnnotations(Formatter.Annotation)));
    }
}
