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

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>
/// DL2007: appends <c>.AddSource("Name")</c> (or <c>.AddMeter("Name")</c>) to the expression-bodied lambda of the
/// project's <c>WithTracing</c> (or <c>WithMetrics</c>) call, which may be in another file. Offered only when such a
/// call exists. Fix-all registers one name per pass, because every name lands at the same place.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterTelemetrySourceCodeFix)), Shared]
public sealed class RegisterTelemetrySourceCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnregisteredTelemetrySource);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UnregisteredTelemetrySourceAnalyzer.KindProperty, out var kind) ||
                !diagnostic.Properties.TryGetValue(UnregisteredTelemetrySourceAnalyzer.NameProperty, out var name) || kind == null || name == null)
            {
                continue;
            }

            var (pipeline, method) = kind == "Meter" ? ("WithMetrics", "AddMeter") : ("WithTracing", "AddSource");
            var target = await FindPipelineAsync(context.Document.Project, pipeline, context.CancellationToken).ConfigureAwait(false);
            if (target == null)
            {
                continue;
            }

            var (document, body) = target.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Register '" + name + "' with " + method,
                    ct => FixAsync(document, body, method, name, ct),
                    nameof(RegisterTelemetrySourceCodeFix) + method),
                diagnostic);
        }
    }

    private static async Task<(Document Document, ExpressionSyntax Body)?> FindPipelineAsync(Project project, string pipeline, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents.OrderBy(d => d.FilePath, System.StringComparer.Ordinal))
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                continue;
            }

            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name == pipeline &&
                    invocation.ArgumentList.Arguments.LastOrDefault()?.Expression is LambdaExpressionSyntax { ExpressionBody: { } body })
                {
                    return (document, body);
                }
            }
        }

        return null;
    }

    private static async Task<Solution> FixAsync(Document document, ExpressionSyntax body, string method, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return document.Project.Solution;
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, body.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))))))
            .WithTrailingTrivia(body.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(body, call)).Project.Solution;
    }
}
