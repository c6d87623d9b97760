using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Secrets;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Engine.Tests;

/// <summary>Every DL1001–DL1005 vector through the engine exactly as a host runs it: the reported spans must equal the markers.</summary>
public sealed class SecretVectorTests
{
    private static readonly HashSet<string> SecretRules = new(StringComparer.Ordinal) { "DL1001", "DL1002", "DL1003", "DL1004", "DL1005" };

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var vector in VectorFile.All().Where(v => SecretRules.Contains(v.RuleId)))
        {
            data.Add(vector.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reports_exactly_the_marked_spans(string id)
    {
        var vector = VectorFile.Load(Path.Combine(TestPaths.Vectors, id));
        var document = new DocumentContext(vector.FileName, vector.Text, RuleOptions.Default);
        var findings = new DocumentAnalyzer(new[] { new SecretScanner() }).Analyze(document);

        var failures = findings.Where(f => f.RuleId == "DL9003").Select(f => f.Message).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var actual = findings
            .Where(f => SecretRules.Contains(f.RuleId))
            .Select(f => new ExpectedSpan(f.RuleId, f.Range.Start, f.Range.End))
            .OrderBy(s => s.Start).ThenBy(s => s.RuleId, StringComparer.Ordinal)
            .ToList();
        // In C#, DL1005 is the Roslyn analyzer's (semantic) job: the engine must not report it, and the analyzer
        // and parity tests check those markers.
        var csharp = vector.FileName.EndsWith(".cs", StringComparison.Ordinal);
        var expected = vector.Expected.Where(e => SecretRules.Contains(e.RuleId) && !(csharp && e.RuleId == "DL1005")).ToList();

        if (vector.IsCompliant)
        {
            Assert.Empty(expected);
        }
        else if (!(csharp && vector.RuleId == "DL1005"))
        {
            Assert.Contains(expected, e => e.RuleId == vector.RuleId);
        }

        Assert.True(
            expected.SequenceEqual(actual),
            "expected " + Describe(vector.Text, expected) + "\nactual   " + Describe(vector.Text, actual));
    }

    [Fact]
    public void Every_secret_rule_has_compliant_and_noncompliant_vectors()
    {
        var vectors = VectorFile.All().Where(v => SecretRules.Contains(v.RuleId)).ToList();
        foreach (var rule in SecretRules)
        {
            Assert.Contains(vectors, v => v.RuleId == rule && v.IsCompliant);
            Assert.Contains(vectors, v => v.RuleId == rule && !v.IsCompliant);
        }
    }

    private static string Describe(string text, IEnumerable<ExpectedSpan> spans) =>
        string.Join(", ", spans.Select(s => s + " '" + Clip(text.Substring(s.Start, s.End - s.Start)) + "'"));

    // Vector values are fakes, but test output is still kept short.
    private static string Clip(string value) => value.Length <= 24 ? value : value.Substring(0, 12) + "…" + value.Substring(value.Length - 6);
}
