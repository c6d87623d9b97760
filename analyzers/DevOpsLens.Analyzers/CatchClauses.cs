using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevOpsLens.Analyzers;

/// <summary>Facts about catch clauses shared by the exception rules.</summary>
internal static class CatchClauses
{
    /// <summary>The caught type; <c>catch { }</c> is <see cref="System.Exception"/>.</summary>
    public static ITypeSymbol? CaughtType(CatchClauseSyntax clause, SemanticModel model) =>
        clause.Declaration == null
            ? model.Compilation.GetTypeByMetadataName("System.Exception")
            : model.GetTypeInfo(clause.Declaration.Type).Type;

    /// <summary>OperationCanceledException and TaskCanceledException: cancellation is the expected way out.</summary>
    public static bool IsCancellation(ITypeSymbol? type) => Symbols.DerivesFrom(type, "System", "OperationCanceledException");

    /// <summary>Exception, SystemException or a bare catch: everything, including bugs, is caught.</summary>
    public static bool IsGeneral(ITypeSymbol? type) =>
        type == null || Symbols.Is(type, "System", "Exception") || Symbols.Is(type, "System", "SystemException");

    /// <summary>The nearest catch clause around <paramref name="node"/> in the same function body.</summary>
    public static CatchClauseSyntax? Enclosing(SyntaxNode node)
    {
        for (var current = node.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case CatchClauseSyntax clause:
                    return clause;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Nodes of the catch block outside nested lambdas and local functions (they run later, if at all).</summary>
    public static System.Collections.Generic.IEnumerable<SyntaxNode> OwnNodes(SyntaxNode block) =>
        block.DescendantNodes(n => n == block || !(n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    public static bool Rethrows(CatchClauseSyntax clause) =>
        OwnNodes(clause.Block).Any(n => n is ThrowStatementSyntax or ThrowExpressionSyntax);

    public static string DisplayName(ITypeSymbol? type) => type?.Name ?? "Exception";

    /// <summary>Span from <c>catch</c> to the end of its declaration and filter: what the diagnostic underlines.</summary>
    public static Location HeaderLocation(CatchClauseSyntax clause)
    {
        var end = clause.Filter?.Span.End ?? clause.Declaration?.Span.End ?? clause.CatchKeyword.Span.End;
        return Location.Create(clause.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(clause.CatchKeyword.SpanStart, end));
    }

    public static bool HasComment(SyntaxNode node) =>
        node.DescendantTrivia(descendIntoTrivia: true).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
}
