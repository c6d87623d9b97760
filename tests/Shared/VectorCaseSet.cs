namespace DevOpsLens.Tests.Shared;

/// <summary>One file of a vector case: its path inside the case, the markup-free text, the marked findings.</summary>
internal sealed record VectorCaseEntry(string Path, string Text, IReadOnlyList<ExpectedSpan> Expected);

/// <summary>
/// A vector case: one file, or a folder of files checked together (cross-file rules). The first-level entries
/// under <c>noncompliant/</c> and <c>compliant/</c> are cases; a first-level folder whose name starts with a dot
/// is not a case itself, its files are (they keep their path, e.g. <c>.github/workflows/build.yml</c>). Change
/// cases (a file with an <c>X.before</c> twin) are only meaningful for a diff and are left out.
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
    public static IEnumerable<string> Ids()
    {
        if (!Directory.Exists(TestPaths.Vectors))
        {
            yield break;
        }

        foreach (var ruleDir in Directory.GetDirectories(TestPaths.Vectors, "DL*").OrderBy(d => d, StringComparer.Ordinal))
        {
            var rule = Path.GetFileName(ruleDir);
            foreach (var kind in new[] { "noncompliant", "compliant" })
            {
                var dir = Path.Combine(ruleDir, kind);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (IsCaseFile(file) && !File.Exists(file + ".before"))
                    {
                        yield return rule + "/" + kind + "/" + Path.GetFileName(file);
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
                                yield return rule + "/" + kind + "/" + Path.GetRelativePath(dir, file).Replace('\\', '/');
                            }
                        }
                    }
                    else if (!Directory.GetFiles(sub, "*.before", SearchOption.AllDirectories).Any())
                    {
                        yield return rule + "/" + kind + "/" + name + "/";
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
        return new VectorCaseEntry(relative.Replace('\\', '/'), text, expected);
    }

    private static bool IsCaseFile(string file) =>
        !file.EndsWith(".md", StringComparison.Ordinal) && !file.EndsWith(".before", StringComparison.Ordinal);
}
