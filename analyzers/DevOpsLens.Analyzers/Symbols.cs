using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Matching by metadata name rather than by reference: the analyzers must recognise ASP.NET Core, logging,
/// OpenTelemetry and cloud SDK types without referencing those packages.
/// </summary>
internal static class Symbols
{
    /// <summary>True when <paramref name="type"/> is <c>ns.name</c> (generic arity ignored).</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name) =>
        type != null && type.Name == name && NamespaceIs(type.ContainingNamespace, ns);

    public static bool NamespaceIs(INamespaceSymbol? symbol, string ns)
    {
        var parts = ns.Split('.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (symbol == null || symbol.IsGlobalNamespace || symbol.Name != parts[i])
            {
                return false;
            }

            symbol = symbol.ContainingNamespace;
        }

        return symbol == null || symbol.IsGlobalNamespace;
    }

    public static bool NamespaceStartsWith(INamespaceSymbol? symbol, string prefix)
    {
        var display = symbol?.ToDisplayString() ?? string.Empty;
        return display == prefix || display.StartsWith(prefix + ".", StringComparison.Ordinal);
    }

    public static bool DerivesFrom(ITypeSymbol? type, string ns, string name)
    {
        for (var t = type; t != null; t = t.BaseType)
        {
            if (Is(t, ns, name))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsException(ITypeSymbol? type) => DerivesFrom(type, "System", "Exception");

    /// <summary>Skips implicit conversions and parentheses so a check sees the value as written.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.IsImplicit || conversion.Operand.Type?.SpecialType == SpecialType.System_String:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>A compile-time string (literal, const field, nameof, concatenation or interpolation of constants).</summary>
    public static bool TryGetConstantString(IOperation? operation, out string value)
    {
        value = string.Empty;
        var unwrapped = Unwrap(operation);
        if (unwrapped == null)
        {
            return false;
        }

        if (unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is string s)
        {
            value = s;
            return true;
        }

        // C# 10 folds interpolations of constants only when every hole is a constant string; a hole-free
        // interpolation is folded by us so "$\"...\"" without holes counts as the literal it is.
        if (unwrapped is IInterpolatedStringOperation interpolated)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string t)
                {
                    sb.Append(t);
                }
                else if (part is IInterpolationOperation hole && TryGetConstantString(hole.Expression, out var h) && hole.Alignment == null && hole.FormatString == null)
                {
                    sb.Append(h);
                }
                else
                {
                    return false;
                }
            }

            value = sb.ToString();
            return true;
        }

        if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary &&
            TryGetConstantString(binary.LeftOperand, out var left) && TryGetConstantString(binary.RightOperand, out var right))
        {
            value = left + right;
            return true;
        }

        return false;
    }

    /// <summary>True when the compilation is a test project (xunit, NUnit, MSTest or TUnit referenced, or named as one).</summary>
    public static bool IsTestCompilation(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Xunit.FactAttribute") != null ||
        compilation.GetTypeByMetadataName("NUnit.Framework.TestAttribute") != null ||
        compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") != null ||
        compilation.GetTypeByMetadataName("TUnit.Core.TestAttribute") != null ||
        TestCode.IsTestAssemblyName(compilation.AssemblyName);

    /// <summary>The method, accessor, local function or lambda the operation is inside, if any.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent != null)
        {
            current = current.Parent;
        }

        return current;
    }
}
