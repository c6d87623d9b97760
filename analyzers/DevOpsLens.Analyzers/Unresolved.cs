using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Syntax fallbacks for calls the compiler could not bind. The CLI and the language server compile a fresh clone
/// without its NuGet packages (no obj/project.assets.json), so <c>AddOpenTelemetry()</c>, <c>WithTracing</c> or
/// <c>AddSource</c> have no symbol there and produce no <see cref="Microsoft.CodeAnalysis.Operations.IInvocationOperation"/>;
/// the rules that look for them then read the method name from the syntax instead.
/// </summary>
internal static class Unresolved
{
    /// <summary>The invoked method's simple name as written (<c>a.B()</c>, <c>B()</c>, <c>a?.B()</c>, <c>B&lt;T&gt;()</c>).</summary>
    public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>True when the compiler bound no method to the call (missing reference, or overload resolution failed).</summary>
    public static bool IsUnbound(SemanticModel model, InvocationExpressionSyntax invocation, System.Threading.CancellationToken cancellationToken) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol == null;

    /// <summary>A type the compiler could not find: an error type (a package that is not referenced).</summary>
    public static bool IsErrorType(ITypeSymbol? type) => type is { TypeKind: TypeKind.Error };
}
