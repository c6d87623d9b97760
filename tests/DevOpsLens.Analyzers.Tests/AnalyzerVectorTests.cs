using System.Collections.Immutable;
using DevOpsLens.Analyzers.Tests.Infrastructure;
using DevOpsLens.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// The analyzer side of parity: every C# vector of a rule the analyzers run (DL1001-DL1006, DL2001-DL2009) through every
/// DevOpsLens analyzer; the reported (rule, span) set must equal the markers exactly. A vector that uses
/// Microsoft.AspNetCore or Microsoft.Extensions namespaces is compiled as a service (the ASP.NET Core shared
/// framework plus the API stubs), any other as a plain .NET project — the same split the rules draw.
/// </summary>
public sealed class AnalyzerVectorTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SecretTextAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> CSharpVectors()
    {
        var data = new TheoryData<string>();
        // Vectors of rules the analyzers run. A C# file under another rule's folder (a repository rule's Program.cs
        // beside its deployment.yaml) is context for that rule, not an analyzer vector.
        var analyzerRules = AnalysisModes.AnalyzerRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var vector in VectorFile.All().Where(v => v.FileName.EndsWith(".cs", StringComparison.Ordinal) && analyzerRules.Contains(v.RuleId)))
        {
            data.Add(vector.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpVectors))]
    public async Task Reports_exactly_the_marked_spans(string id)
    {
        var vector = VectorFile.Load(Path.Combine(TestPaths.Vectors, id));
        var (compilation, tree) = Compile(vector);

        // The analyzer-only rules' vectors must be real code: a rule that sees broken code proves little.
        if (!vector.RuleId.StartsWith("DL100", StringComparison.Ordinal) || vector.RuleId == "DL1006")
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        var actual = diagnostics
            .Where(d => d.Id.StartsWith("DL", StringComparison.Ordinal) && d.Location.SourceTree == tree)
            .Select(d => new ExpectedSpan(d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.End))
            .OrderBy(s => s.Start).ThenBy(s => s.RuleId, StringComparer.Ordinal)
            .ToList();
        // No message may carry the value it underlines (the secret), only its redacted form.
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("DL1", StringComparison.Ordinal) && d.Location.SourceTree == tree))
        {
            var value = vector.Text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Trim('@', '$', '"');
            Assert.True(value.Length < 8 || !diagnostic.GetMessage().Contains(value, StringComparison.Ordinal), diagnostic.Id + " message reveals its value");
        }

        var expected = vector.Expected.ToList();
        if (vector.IsCompliant)
        {
            Assert.DoesNotContain(expected, e => e.RuleId == vector.RuleId);
        }
        else
        {
            Assert.Contains(expected, e => e.RuleId == vector.RuleId);
        }

        Assert.True(
            expected.SequenceEqual(actual),
            "expected " + Describe(vector.Text, expected) + "\nactual   " + Describe(vector.Text, actual));
    }

    [Fact]
    public void Every_analyzer_rule_has_compliant_and_noncompliant_csharp_vectors()
    {
        var vectors = VectorFile.All().Where(v => v.FileName.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        foreach (var rule in new[] { "DL1006", "DL2001", "DL2002", "DL2003", "DL2004", "DL2005", "DL2006", "DL2007", "DL2008", "DL2009" })
        {
            Assert.Contains(vectors, v => v.RuleId == rule && v.IsCompliant);
            Assert.Contains(vectors, v => v.RuleId == rule && !v.IsCompliant);
        }
    }

    internal static (Compilation Compilation, SyntaxTree Tree) Compile(VectorFile vector)
    {
        var framework = vector.Text.Contains("Microsoft.AspNetCore", StringComparison.Ordinal) || vector.Text.Contains("Microsoft.Extensions", StringComparison.Ordinal)
            ? Framework.AspNetCore
            : Framework.NetCore;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(vector.Text, parse, path: vector.FileName);
        var trees = new List<SyntaxTree> { tree };
        trees.AddRange(TestStubs.For(framework).Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, path: s.Name)));
        var outputKind = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable);
        return (CSharpCompilation.Create("Vector", trees, TestReferences.For(framework), options), tree);
    }

    private static string Describe(string text, IEnumerable<ExpectedSpan> spans) =>
        string.Join(", ", spans.Select(s => s + " '" + Clip(text.Substring(s.Start, s.End - s.Start)) + "'"));

    // Vector secrets are fakes, but test output is still kept short.
    private static string Clip(string value) => value.Length <= 40 ? value : value.Substring(0, 20) + "…" + value.Substring(value.Length - 10);
}
