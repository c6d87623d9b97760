using System.Collections.Immutable;
using DevOpsLens.Analyzers.Tests.Infrastructure;
using DevOpsLens.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

public sealed class InlineIgnoreSuppressorTests
{
    [Fact]
    public async Task Devopslens_ignore_comment_suppresses_only_the_named_rule_on_its_line_or_the_next()
    {
        var (text, _) = VectorFile.Parse("""
            // Why: the suppressor must silence the named rule only.
            using System;
            public static class Jobs
            {
                public static void Run(Action a, Action b)
                {
                    // devopslens-ignore DL2001: the job runner records failures itself
                    try { a(); } catch (Exception) { }
                    try { b(); } catch (Exception) { } // devopslens-ignore DL2004: wrong rule, not a suppression
                }
            }
            """, "DL2001");
        var vectorLike = CSharpSyntaxTreeFor(text);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Suppress", new[] { vectorLike }, TestReferences.For(Framework.NetCore),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SwallowedExceptionAnalyzer(), new InlineIgnoreSuppressor());
        var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        var dl2001 = diagnostics.Where(d => d.Id == "DL2001").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, dl2001.Count);
        Assert.True(dl2001[0].IsSuppressed);
        Assert.False(dl2001[1].IsSuppressed);
    }

    private static SyntaxTree CSharpSyntaxTreeFor(string text) => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, path: "Jobs.cs");
}
