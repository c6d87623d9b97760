using System.Text;

namespace DevOpsLens.Tests.Shared;

/// <summary>An expected finding in a vector: rule and UTF-16 offsets into the markup-free text.</summary>
internal sealed record ExpectedSpan(string RuleId, int Start, int End)
{
    public override string ToString() => $"{RuleId}@[{Start}..{End})";
}

/// <summary>
/// A test vector: <c>tests/vectors/DLxxxx/{noncompliant,compliant}/name.ext</c>. Findings are marked in the text
/// with <c>[|…|]</c> (the folder's rule) or <c>{|DL1234:…|}</c> (another rule); markers are removed before
/// analysis, so the rule sees the file exactly as a user would write it.
/// </summary>
internal sealed class VectorFile
{
    private VectorFile(string fullPath, string ruleId, bool compliant, string text, IReadOnlyList<ExpectedSpan> expected)
    {
        FullPath = fullPath;
        RuleId = ruleId;
        IsCompliant = compliant;
        Text = text;
        Expected = expected;
    }

    public string FullPath { get; }

    /// <summary>The rule the vector is for (its folder).</summary>
    public string RuleId { get; }

    public bool IsCompliant { get; }

    /// <summary>The text with the markers removed.</summary>
    public string Text { get; }

    public IReadOnlyList<ExpectedSpan> Expected { get; }

    /// <summary>Path relative to tests/vectors, forward slashes: a stable theory data id.</summary>
    public string Id => Path.GetRelativePath(TestPaths.Vectors, FullPath).Replace('\\', '/');

    /// <summary>The file name the engine should see (kind detection uses it): <c>DL3021/noncompliant/root/Dockerfile</c> → <c>Dockerfile</c>.</summary>
    public string FileName => Path.GetFileName(FullPath);

    public static IEnumerable<VectorFile> All()
    {
        if (!Directory.Exists(TestPaths.Vectors))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(TestPaths.Vectors, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(TestPaths.Vectors, file).Replace('\\', '/').Split('/');
            if (rel.Length < 3 || (rel[1] != "noncompliant" && rel[1] != "compliant") || rel[^1].EndsWith(".md", StringComparison.Ordinal))
            {
                continue;
            }

            yield return Load(file);
        }
    }

    public static VectorFile Load(string fullPath)
    {
        var rel = Path.GetRelativePath(TestPaths.Vectors, fullPath).Replace('\\', '/').Split('/');
        var ruleId = rel[0];
        var compliant = rel[1] == "compliant";
        var (text, expected) = Parse(File.ReadAllText(fullPath), ruleId);
        return new VectorFile(fullPath, ruleId, compliant, text, expected);
    }

    /// <summary>Strips <c>[|…|]</c> and <c>{|DLxxxx:…|}</c> markers; markers may nest.</summary>
    public static (string Text, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup, string defaultRuleId)
    {
        var sb = new StringBuilder(markup.Length);
        var open = new Stack<(string Rule, int Start)>();
        var expected = new List<ExpectedSpan>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && At(markup, i, "[|"))
            {
                open.Push((defaultRuleId, sb.Length));
                i++;
                continue;
            }

            if (markup[i] == '{' && At(markup, i, "{|") && i + 9 < markup.Length && markup[i + 2] == 'D' && markup[i + 3] == 'L' && markup[i + 8] == ':')
            {
                open.Push((markup.Substring(i + 2, 6), sb.Length));
                i += 8;
                continue;
            }

            if (markup[i] == '|' && (At(markup, i, "|]") || At(markup, i, "|}")) && open.Count > 0)
            {
                var (rule, start) = open.Pop();
                expected.Add(new ExpectedSpan(rule, start, sb.Length));
                i++;
                continue;
            }

            sb.Append(markup[i]);
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed marker in vector");
        }

        expected.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return (sb.ToString(), expected);
    }

    public override string ToString() => Id;

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}
