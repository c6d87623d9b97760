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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>
/// DL2005 for the minimal hosting shape: <c>var builder = WebApplication.CreateBuilder(args); … var app =
/// builder.Build();</c> gets <c>builder.Services.AddHealthChecks();</c> before the build and
/// <c>app.MapHealthChecks("/healthz");</c> after it. Other host shapes get no automatic fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHealthChecksCodeFix)), Shared]
public sealed class AddHealthChecksCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingHealthChecks);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Find(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } shape)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add health checks", ct => FixAsync(context.Document, shape, ct), nameof(AddHealthChecksCodeFix)),
                diagnostic);
        }
    }

    private static (string Builder, string App, StatementSyntax Build)? Find(SyntaxNode node)
    {
        if (node.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault() is not { } builderDeclarator ||
            builderDeclarator.Ancestors().OfType<LocalDeclarationStatementSyntax>().FirstOrDefault() is not { } builderStatement)
        {
            return null;
        }

        var builder = builderDeclarator.Identifier.ValueText;
        var siblings = builderStatement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit
            ? unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement)
            : builderStatement.Parent is BlockSyntax block ? block.Statements : Enumerable.Empty<StatementSyntax>();
        foreach (var statement in siblings.Where(s => s.SpanStart > builderStatement.SpanStart))
        {
            if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } &&
                variables[0].Initializer?.Value is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax receiver },
                } && receiver.Identifier.ValueText == builder)
            {
                return (builder, variables[0].Identifier.ValueText, statement);
            }
        }

        return null;
    }

    private static async Task<Document> FixAsync(Document document, (string Builder, string App, StatementSyntax Build) shape, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = shape.Build.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n");
        var add = SyntaxFactory.ParseStatement(shape.Builder + ".Services.AddHealthChecks();").WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        var map = SyntaxFactory.ParseStatement(shape.App + ".MapHealthChecks(\"/healthz\");").WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        if (shape.Build.Parent is GlobalStatementSyntax global)
        {
            editor.InsertBefore(global, SyntaxFactory.GlobalStatement(add));
            editor.InsertAfter(global, SyntaxFactory.GlobalStatement(map));
        }
        else
        {
            editor.InsertBefore(shape.Build, add);
            editor.InsertAfter(shape.Build, map);
        }

        return editor.GetChangedDocument();
    }
}
