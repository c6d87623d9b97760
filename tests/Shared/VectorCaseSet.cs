namespace DevOpsLens.Tests.Shared;

/// <summary>
/// One file of a vector case: its path inside the case, the markup-free text, the marked findings, and for change
/// cases the text before the change (from the <c>X.before</c> twin; null when the change adds the file).
/// </summary>
internal sealed record VectorCaseEntry(string Path, string Text, IReadOnlyList<ExpectedSpan> Expected, string? Before = null);

/// <summary>
/// A vector case: one file, or a folder of files checked together (cross-file rules). The first-level entries
/// under <c>noncompliant/</c> and <c>compliant/</c> are cases; a first-level folder whose name starts with a dot
/// is not a case itself, its files are (they keep their path, e.g. <c>.github/workflows/build.yml</c>). Change
/// cases (a file with an <c>X.before</c> twin) are only meaningful for a diff: they are listed only on request.
/// </summary>
internal sealed record VectorCase(string Id, string RuleId, bool IsCompliant, IReadOnlyList<VectorCaseEntry> Files)
{
    /// <summary>The rules whose findings this case pins: its own rule and every rule it marks.</summary>
    public IReadOnlySet<string> PinnedRules =>
        new HashSet<string>(Files.SelectMany(f => f.Expected.Select(e => e.RuleId))) { RuleId };

    public override string ToString() => Id;
}

internal static class VectorCaseSet
{
    /// <param name="includeChangeCases">Also list cases holding <c>X.before</c> twins (for hosts that check a diff).</param>
    /// <param name="rule">Only the rule folders this accepts; all when null.</param>
    public static IEnumerable<string> Ids(bool includeChangeCases = false, Func<string, bool>? rule = null)
    {
        if (!Directory.Exists(TestPaths.Vectors))
        {
            yield break;
        }

        foreach (var ruleDir in Directory.GetDirectories(TestPaths.Vectors, "DL*").OrderBy(d => d, StringComparer.Ordinal))
        {
            var ruleId = Path.GetFileName(ruleDir);
            if (rule != null && !rule(ruleId))
            {
                continue;
            }

            foreach (var kind in new[] { "noncompliant", "compliant" })
            {
                var dir = Path.Combine(ruleDir, kind);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (IsCaseFile(file) && (includeChangeCases || !File.Exists(file + ".before")))
                    {
                        yield return ruleId + "/" + kind + "/" + Path.GetFileName(file);
                    }
                }

                foreach (var sub in Directory.GetDirectories(dir).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(sub);
                    if (name.StartsWith('.'))
                    {
                        foreach (var file in Directory.GetFiles(sub, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                        {
                            if (IsCaseFile(file))
                            {
                                yield return ruleId + "/" + kind + "/" + Path.GetRelativePath(dir, file).Replace('\\', '/');
                            }
                        }
                    }
                    else if (includeChangeCases || !Directory.GetFiles(sub, "*.before", SearchOption.AllDirectories).Any())
                    {
                        yield return ruleId + "/" + kind + "/" + name + "/";
                    }
                }
            }
        }
    }

    public static VectorCase Load(string id)
    {
        var parts = id.Split('/');
        var kindDir = Path.Combine(TestPaths.Vectors, parts[0], parts[1]);
        var full = Path.Combine(TestPaths.Vectors, id.TrimEnd('/'));
        var files = new List<VectorCaseEntry>();
        if (id.EndsWith('/'))
        {
            foreach (var file in Directory.GetFiles(full, "*", SearchOption.AllDirectories).Where(IsCaseFile).OrderBy(f => f, StringComparer.Ordinal))
            {
                files.Add(Entry(Path.GetRelativePath(full, file), file, parts[0]));
            }
        }
        else
        {
            files.Add(Entry(Path.GetRelativePath(kindDir, full), full, parts[0]));
        }

        return new VectorCase(id, parts[0], parts[1] == "compliant", files);
    }

    private static VectorCaseEntry Entry(string relative, string file, string rule)
    {
        var (text, expected) = VectorFile.Parse(File.ReadAllText(file), rule);
        var before = File.Exists(file + ".before") ? VectorFile.Parse(File.ReadAllText(file + ".before"), rule).Text : null;
        return new VectorCaseEntry(relative.Replace('\\', '/'), text, expected, before);
    }

    private static bool IsCaseFile(string file) =>
        !file.EndsWith(".md", StringComparison.Ordinal) && !file.EndsWith(".before", StringComparison.Ordinal);
}
