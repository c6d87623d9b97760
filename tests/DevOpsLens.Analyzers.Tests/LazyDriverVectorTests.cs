using System.Collections.Immutable;
using DevOpsLens.Tests.Shared;
using DevOpsLens.Workspace.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// Every C# analyzer vector gives the same (rule, span, message) set under the product's
/// <see cref="LazyAnalyzerDriver"/> (syntax actions only, lazily binding semantic model) as under Roslyn's own driver,
/// which is what the CLI and the language server rely on when they run the analyzers without CompilationWithAnalyzers.
/// </summary>
public sealed class LazyDriverVectorTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SecretTextAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> CSharpVectors() => AnalyzerVectorTests.CSharpVectors();

    [Theory]
    [MemberData(nameof(CSharpVectors))]
    public async Task Lazy_driver_reports_what_the_Roslyn_driver_reports(string id)
    {
        var vector = VectorFile.Load(Path.Combine(TestPaths.Vectors, id));
        var (compilation, tree) = AnalyzerVectorTests.Compile(vector);

        var roslyn = Describe(await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(), tree);
        var result = LazyAnalyzerDriver.Run(compilation, compilation.SyntaxTrees.ToList(), Analyzers, Analyzers.ToImmutableHashSet(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        var lazy = Describe(result.Diagnostics, tree);

        Assert.Empty(result.Unsupported);
        Assert.Empty(result.Failures);
        Assert.Equal(roslyn, lazy);
        if (!vector.IsCompliant)
        {
            Assert.Contains(lazy, d => d.StartsWith(vector.RuleId, StringComparison.Ordinal));
        }
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics, SyntaxTree tree) => diagnostics
        .Where(d => d.Id.StartsWith("DL", StringComparison.Ordinal) && d.Location.SourceTree == tree)
        .Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToList();
}
