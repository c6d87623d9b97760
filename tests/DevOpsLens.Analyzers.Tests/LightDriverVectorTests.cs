using System.Collections.Immutable;
using DevOpsLens.Analyzers.Tests.Infrastructure;
using DevOpsLens.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// Every C# analyzer vector gives the same (rule, span, message) set under <see cref="LightDriver"/> (syntax actions
/// only, lazily binding semantic model, no containing symbol) as under Roslyn's own driver, which is what the CLI and
/// the language server rely on when they run the analyzers without CompilationWithAnalyzers.
/// </summary>
public sealed class LightDriverVectorTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SecretTextAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> CSharpVectors() => AnalyzerVectorTests.CSharpVectors();

    [Theory]
    [MemberData(nameof(CSharpVectors))]
    public async Task Light_driver_reports_what_the_Roslyn_driver_reports(string id)
    {
        var vector = VectorFile.Load(Path.Combine(TestPaths.Vectors, id));
        var (compilation, tree) = AnalyzerVectorTests.Compile(vector);

        var roslyn = Describe(await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(), tree);
        var light = Describe(LightDriver.Create(Analyzers, compilation).Run(), tree);

        Assert.Equal(roslyn, light);
        if (!vector.IsCompliant)
        {
            Assert.Contains(light, d => d.StartsWith(vector.RuleId, StringComparison.Ordinal));
        }
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics, SyntaxTree tree) => diagnostics
        .Where(d => d.Id.StartsWith("DL", StringComparison.Ordinal) && d.Location.SourceTree == tree)
        .Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToList();
}
