using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>Gives a catch clause an exception variable when it has none, so a fix can pass the exception on.</summary>
internal static class CatchEdits
{
    public static (CatchClauseSyntax Clause, string Name) EnsureVariable(CatchClauseSyntax clause, SemanticModel model)
    {
        if (clause.Declaration is { } declaration && !declaration.Identifier.IsKind(SyntaxKind.None))
        {
            return (clause, declaration.Identifier.ValueText);
        }

        var name = model.LookupSymbols(clause.Block.SpanStart, name: "ex").IsEmpty ? "ex" : "exception";
        var type = clause.Declaration?.Type ?? SyntaxFactory.ParseTypeName("System.Exception").WithAdditionalAnnotations(Simplifier.Annotation);
        // NormalizeWhitespace drops the elastic trivia that would let the formatter move the block's brace.
        var newDeclaration = SyntaxFactory.CatchDeclaration(type.WithoutTrivia(), SyntaxFactory.Identifier(name))
            .NormalizeWhitespace()
            .WithTrailingTrivia(SyntaxFactory.Space);
        var newClause = clause.Declaration == null
            ? clause.WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia(SyntaxFactory.Space)).WithDeclaration(newDeclaration)
            : clause.WithDeclaration(newDeclaration.WithTrailingTrivia(clause.Declaration.GetTrailingTrivia()));
        return (newClause, name);
    }

    /// <summary>A short description of where the catch is, for a log message: the enclosing method's name.</summary>
    public static string Operation(SemanticModel model, SyntaxNode node)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
        {
            symbol = inner.ContainingSymbol;
        }

        return symbol is IMethodSymbol { Name: "<Main>$" } || symbol == null ? "Startup" : symbol.Name;
    }
}
