using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DevOpsLens.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer verifier on offline references with the stubs of <see cref="TestStubs"/>.</summary>
public static class CSharpVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyAnalyzerAsync(string source, Framework framework = Framework.AspNetCore, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, framework, outputKind);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// What the CLI and the language server see in a clone that was never restored: the shared framework only, no
    /// package stubs, so OpenTelemetry, Npgsql or Azure calls stay unbound. The compile errors that causes are expected.
    /// </summary>
    public static Task VerifyWithoutPackagesAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.ReferenceAssemblies = TestReferences.Offline;
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(Framework.AspNetCore));
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyCodeFixAsync<TCodeFix>(string source, string fixedSource, Framework framework = Framework.AspNetCore, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, int? iterations = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,

            // Compilation-end diagnostics (DL2005-DL2007) are non-local by nature; IDEs still offer their fixes.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        Configure(test.TestState, framework, outputKind);
        Configure(test.FixedState, framework, outputKind);
        if (iterations is { } n)
        {
            test.NumberOfFixAllIterations = n;
            test.NumberOfFixAllInDocumentIterations = n;
        }

        return test.RunAsync();
    }

    internal static void Configure(SolutionState state, Framework framework, OutputKind outputKind)
    {
        state.ReferenceAssemblies = TestReferences.Offline;
        state.AdditionalReferences.AddRange(TestReferences.For(framework));
        state.OutputKind = outputKind;
        foreach (var (name, text) in TestStubs.For(framework))
        {
            state.Sources.Add((name, text));
        }
    }
}
