using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevOpsLens.Analyzers.CodeFixes;

/// <summary>Finds a usable value of a given type (an ILogger, an IConfiguration) at a position in code.</summary>
internal static class InScope
{
    /// <summary>
    /// A parameter, local, field or property whose type matches, usable from <paramref name="node"/>: instance members
    /// are skipped in static code and in field initializers, where <c>this</c> is not available.
    /// </summary>
    public static string? Find(SemanticModel model, SyntaxNode node, System.Func<ITypeSymbol, bool> matches)
    {
        var position = node.SpanStart;
        var instanceAvailable = InstanceAvailable(model, node);
        var candidates = model.LookupSymbols(position)
            .Where(s => s switch
            {
                ILocalSymbol l => matches(l.Type),
                IParameterSymbol p => matches(p.Type),
                IFieldSymbol f => matches(f.Type) && (f.IsStatic || instanceAvailable),
                IPropertySymbol p => matches(p.Type) && !p.IsIndexer && (p.IsStatic || instanceAvailable),
                _ => false,
            })
            .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(s => s.Name, System.StringComparer.Ordinal);
        return candidates.FirstOrDefault()?.Name;
    }

    public static bool IsLogger(ITypeSymbol type) =>
        type.Name == "ILogger" && type.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Logging";

    public static bool IsConfiguration(ITypeSymbol type) =>
        type.Name is "IConfiguration" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" &&
        type.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Configuration";

    private static bool InstanceAvailable(SemanticModel model, SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case FieldDeclarationSyntax:
                    return false;
                case PropertyDeclarationSyntax { Initializer: not null } property when property.Initializer.Span.Contains(node.Span):
                    return false;
                case BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax or IndexerDeclarationSyntax:
                    return model.GetEnclosingSymbol(node.SpanStart) is { IsStatic: false } symbol && !(symbol is IMethodSymbol { Name: "<Main>$" });
            }
        }

        return false;
    }
}
