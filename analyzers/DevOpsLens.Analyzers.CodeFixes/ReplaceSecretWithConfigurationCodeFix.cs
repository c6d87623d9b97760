using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DevOpsLens.Engine.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>
/// Replaces a secret string literal with a configuration read: <c>configuration["Type:Member"]</c> when an
/// IConfiguration is in scope, otherwise <c>Environment.GetEnvironmentVariable("TYPE__MEMBER")</c> — the same key,
/// since .NET's environment-variable provider maps <c>__</c> to <c>:</c>. A missing value fails fast instead of
/// silently becoming null. Not offered where an expression cannot go: const declarations, attribute arguments and
/// default parameter values.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceSecretWithConfigurationCodeFix)), Shared]
public sealed class ReplaceSecretWithConfigurationCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.KnownCredential, RuleIds.ConnectionStringPassword, RuleIds.UrlCredentials, RuleIds.SecretAssignment, RuleIds.CredentialApiLiteral);

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
            var literal = FindLiteral(root, diagnostic.Location.SourceSpan);
            if (literal == null || !CanReplace(literal))
            {
                continue;
            }

            var configuration = InScope.Find(model, literal, InScope.IsConfiguration);
            var title = configuration != null ? "Read the secret from IConfiguration" : "Read the secret from an environment variable";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, literal, configuration, ct), nameof(ReplaceSecretWithConfigurationCodeFix)),
                diagnostic);
        }
    }

    private static ExpressionSyntax? FindLiteral(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var current = node; current != null; current = current.Parent)
        {
            if (current is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ||
                current is InterpolatedStringExpressionSyntax)
            {
                // A concatenation of constants is replaced as a whole.
                var expression = (ExpressionSyntax)current;
                while (expression.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    expression = binary;
                }

                return expression;
            }

            if (current is StatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
        }

        return null;
    }

    private static bool CanReplace(ExpressionSyntax literal)
    {
        foreach (var ancestor in literal.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax:
                    return false;
                case LocalDeclarationStatementSyntax local:
                    return !local.IsConst;
                case FieldDeclarationSyntax field:
                    return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case StatementSyntax or MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax literal, string? configuration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return document;
        }

        var section = model.GetEnclosingSymbol(literal.SpanStart, cancellationToken)?.ContainingType?.Name ?? "App";
        var key = section + ":" + MemberName(literal, model, cancellationToken);
        string code;
        if (configuration != null)
        {
            code = configuration + "[" + Quote(key) + "] ?? throw new System.InvalidOperationException(" + Quote("Configuration value '" + key + "' is missing.") + ")";
        }
        else
        {
            var variable = ToEnvironmentName(key);
            code = "System.Environment.GetEnvironmentVariable(" + Quote(variable) + ") ?? throw new System.InvalidOperationException(" + Quote("Environment variable '" + variable + "' is not set.") + ")";
        }

        ExpressionSyntax replacement = SyntaxFactory.ParseExpression(code).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        if (literal.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or InitializerExpressionSyntax))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement.WithTriviaFrom(literal)));
    }

    /// <summary>The name the literal is stored under: the assigned member, local or parameter.</summary>
    private static string MemberName(ExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
    {
        for (SyntaxNode? current = literal.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case ArgumentSyntax argument:
                    if (argument.NameColon != null)
                    {
                        return Pascal(argument.NameColon.Name.Identifier.ValueText);
                    }

                    if (model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter })
                    {
                        return Pascal(parameter.Name);
                    }

                    break;
                case AssignmentExpressionSyntax assignment:
                    return Pascal(assignment.Left switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 && element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax index => index.Token.ValueText,
                        _ => "Secret",
                    });
                case VariableDeclaratorSyntax declarator:
                    return Pascal(declarator.Identifier.ValueText);
                case PropertyDeclarationSyntax property:
                    return Pascal(property.Identifier.ValueText);
                case StatementSyntax or MemberDeclarationSyntax:
                    return "Secret";
            }
        }

        return "Secret";
    }

    private static string Pascal(string name)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.Length == 0 ? "Secret" : sb.ToString();
    }

    private static string ToEnvironmentName(string key)
    {
        var sb = new StringBuilder();
        foreach (var c in key)
        {
            sb.Append(c == ':' ? "__" : char.ToUpperInvariant(c).ToString());
        }

        return sb.ToString();
    }

    private static string Quote(string value) => SyntaxFactory.Literal(value).Text;
}
