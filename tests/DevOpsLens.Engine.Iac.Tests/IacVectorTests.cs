using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>
/// Every DL3xxx vector through the engine. A case is one file, or a folder of files analysed together
/// (cross-file rules): the first-level folder under noncompliant/ or compliant/ unless its name starts with a
/// dot (then the files keep their path, e.g. <c>.github/workflows/build.yml</c>). Change-rule cases hold
/// <c>X.before</c> beside <c>X</c>. The exact (rule, file, span) set is asserted for the vector's rule and every
/// rule it marks; other rules are not this vector's business.
/// </summary>
public sealed class IacVectorTests
{
    private static readonly string[] ChangeRules = { "DL3042", "DL3043" };

    public static IEnumerable<object[]> Cases()
    {
        foreach (var root in VectorCaseSet.Ids(includeChangeCases: true, rule => rule.StartsWith("DL3", StringComparison.Ordinal) && rule != "DL3100"))
        {
            yield return new object[] { root };
        }
    }

    [Fact]
    public void Every_DL3_rule_in_the_catalog_has_both_kinds_of_vector()
    {
        var missing = new List<string>();
        foreach (var rule in Catalog.RuleCatalog.All.Where(r => r.Id.StartsWith("DL3", StringComparison.Ordinal) && r.Id != "DL3100"))
        {
            foreach (var kind in new[] { "noncompliant", "compliant" })
            {
                var dir = Path.Combine(TestPaths.Vectors, rule.Id, kind);
                if (!Directory.Exists(dir) || !Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Any())
                {
                    missing.Add(rule.Id + "/" + kind);
                }
            }
        }

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_produces_exactly_the_marked_findings(string caseRoot)
    {
        var vectorCase = VectorCaseSet.Load(caseRoot);
        // A change rule's case is a diff even when the change adds the file (no X.before twin).
        var isChange = ChangeRules.Contains(vectorCase.RuleId);
        Assert.NotEmpty(vectorCase.Files);
        var rules = new HashSet<string>(vectorCase.Files.SelectMany(f => f.Expected.Select(e => e.RuleId))) { vectorCase.RuleId };
        var findings = isChange
            ? vectorCase.Files.SelectMany(f => IacHarness.AnalyzeChange(f.Path, f.Before, f.Text)).ToList()
            : IacHarness.Analyze(vectorCase.Files.Select(f => (f.Path, f.Text)).ToArray()).ToList();
        // A vector that does not parse, or a rule that crashes on it, would pass vacuously.
        Assert.DoesNotContain(findings, f => f.RuleId is "DL9003" or "DL9005");
        var actual = findings.Where(f => rules.Contains(f.RuleId)).Select(f => f.RuleId + " " + f.Path + " " + Slice(vectorCase, f.Path, f.Range.Start, f.Range.End)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var expected = vectorCase.Files.SelectMany(f => f.Expected.Select(e => e.RuleId + " " + f.Path + " " + Slice(vectorCase, f.Path, e.Start, e.End))).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        if (vectorCase.IsCompliant)
        {
            Assert.Empty(expected);
        }
        else
        {
            Assert.NotEmpty(expected);
        }

        // The offsets, not only the covered text, must agree.
        var actualOffsets = findings.Where(f => rules.Contains(f.RuleId)).Select(f => (f.RuleId, f.Path, f.Range.Start, f.Range.End)).OrderBy(x => x).ToList();
        var expectedOffsets = vectorCase.Files.SelectMany(f => f.Expected.Select(e => (e.RuleId, f.Path, e.Start, e.End))).OrderBy(x => x).ToList();
        Assert.Equal(expectedOffsets, actualOffsets);
    }

    private static string Slice(VectorCase vectorCase, string path, int start, int end)
    {
        var text = vectorCase.Files.First(f => f.Path == path).Text;
        return "[" + start + ".." + end + ") '" + text.Substring(start, end - start).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
    }
}
