using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// <c>[IgnoresContainingSymbol]</c> lets the CLI and the language server skip computing a node's containing symbol.
/// The promise is checked in the compiled code: no method of a marked analyzer (its lambdas and nested types
/// included), and no shared helper type, calls <c>SyntaxNodeAnalysisContext.ContainingSymbol</c>.
/// </summary>
public sealed class ContainingSymbolUseTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Only_analyzers_without_the_marker_read_the_containing_symbol()
    {
        var assembly = typeof(SecretTextAnalyzer).Assembly;
        var getter = typeof(SyntaxNodeAnalysisContext).GetProperty(nameof(SyntaxNodeAnalysisContext.ContainingSymbol))!.GetMethod!;
        var readers = assembly.GetTypes().Where(t => Calls(t, getter)).Select(Outermost).Distinct().ToList();
        var unmarked = assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => !t.GetCustomAttributes(false).Any(a => a.GetType().Name == "IgnoresContainingSymbolAttribute"))
            .ToList();

        Assert.All(readers, reader => Assert.Contains(reader, unmarked));
    }

    [Fact]
    public void The_scan_sees_a_read_when_there_is_one()
    {
        var getter = typeof(SyntaxNodeAnalysisContext).GetProperty(nameof(SyntaxNodeAnalysisContext.ContainingSymbol))!.GetMethod!;
        Assert.True(Calls(typeof(Reader), getter));
        Assert.False(Calls(typeof(ContainingSymbolUseTests), getter));
    }

    private static class Reader
    {
        public static string? Name(SyntaxNodeAnalysisContext context) => context.ContainingSymbol?.Name;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType != null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static bool Calls(Type type, MethodInfo target)
    {
        var methods = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All));
        foreach (var method in methods)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il == null)
            {
                continue;
            }

            // call (0x28) and callvirt (0x6F) carry a 4-byte method token; a stray byte pair that is not an
            // instruction either fails to resolve or resolves to something else, so it cannot hide a real call.
            for (var i = 0; i + 4 < il.Length; i++)
            {
                if (il[i] is not (0x28 or 0x6F))
                {
                    continue;
                }

                try
                {
                    var called = method.Module.ResolveMethod(
                        BitConverter.ToInt32(il, i + 1),
                        type.IsGenericType ? type.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                    if (called == target)
                    {
                        return true;
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or TypeLoadException or MissingMethodException)
                {
                    // Not a method token: an operand byte that happens to look like an opcode.
                }
            }
        }

        return false;
    }
}
