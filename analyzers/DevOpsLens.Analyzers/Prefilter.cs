using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Cheap syntactic checks that run before an analyzer asks the semantic model anything. The CLI and the language
/// server bind a method body only when an analyzer asks about a node in it, so each rule first rules out, from the
/// syntax alone, the nodes it could never report; every check here must accept everything the semantic logic after
/// it could report (a superset), or a true positive is lost.
/// </summary>
internal static class Prefilter
{
    /// <summary>The value holds a string literal or an interpolated string somewhere (concatenations and calls included).</summary>
    public static bool ContainsString(SyntaxNode? node)
    {
        if (node == null)
        {
            return false;
        }

        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant.IsKind(SyntaxKind.StringLiteralExpression) || descendant.IsKind(SyntaxKind.InterpolatedStringExpression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The compile-time string an expression spells out with literals alone (parentheses, <c>+</c>, hole-free
    /// interpolations); null when it names anything, so that the caller binds rather than guesses.
    /// </summary>
    public static string? LiteralText(ExpressionSyntax expression)
    {
        var sb = new StringBuilder();
        return Append(expression, sb) ? sb.ToString() : null;
    }

    private static bool Append(ExpressionSyntax expression, StringBuilder sb)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Append(parenthesized.Expression, sb);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                sb.Append(literal.Token.ValueText);
                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Append(binary.Left, sb) && Append(binary.Right, sb);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is not InterpolatedStringTextSyntax text)
                    {
                        return false;
                    }

                    sb.Append(text.TextToken.ValueText);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The type written in <c>new T(…)</c>, a declaration or a cast is named <paramref name="name"/> (any namespace or
    /// generic arity), directly or through a <c>using X = …;</c> alias in the same file.
    /// </summary>
    public static bool TypeNameIs(TypeSyntax? type, Func<string, bool> name)
    {
        var written = RightmostName(type);
        if (written == null)
        {
            return false;
        }

        if (name(written))
        {
            return true;
        }

        // Aliases are rare: only a simple name can be one, and only then are the file's usings read.
        if (type is not IdentifierNameSyntax || type.SyntaxTree.GetRoot() is not CompilationUnitSyntax root)
        {
            return false;
        }

        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Alias: { } alias } directive && alias.Name.Identifier.ValueText == written &&
                RightmostName(directive.NamespaceOrType) is { } target && name(target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The written type of the variable, field or property an implicit <c>new(…)</c> initializes; null when not written there.</summary>
    public static TypeSyntax? TargetTypeOf(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type is { IsVar: false } type ? type : null,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    private static string? RightmostName(SyntaxNode? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => null,
    };

    /// <summary>
    /// The method, accessor, field or property whose code holds <paramref name="node"/>, as the analyzer driver's
    /// operation actions reported it: lambdas and local functions belong to the member around them.
    /// </summary>
    public static ISymbol? ContainingMember(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
