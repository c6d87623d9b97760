using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DevOpsLens.Engine.Findings;

namespace DevOpsLens.Engine.Configuration;

/// <summary>One accepted finding: its fingerprint, plus rule and path so a reviewer can read the file.</summary>
public sealed class BaselineEntry
{
    public BaselineEntry(string fingerprint, string ruleId, string path)
    {
        Fingerprint = fingerprint;
        RuleId = ruleId;
        Path = path;
    }

    public string Fingerprint { get; }

    public string RuleId { get; }

    public string Path { get; }
}

/// <summary>
/// <c>.devopslens/baseline.json</c>: findings accepted when DevOpsLens was adopted. Keyed by fingerprint (rule, path,
/// normalized content; never line numbers), written sorted with one entry per line and no timestamps, so two branches
/// that baseline different findings merge without conflicts, and re-running <c>devopslens baseline</c> is a no-op.
/// </summary>
public sealed class Baseline
{
    public const string DefaultPath = ".devopslens/baseline.json";
    public const int FormatVersion = 1;

    private readonly HashSet<string> _fingerprints;

    private Baseline(IReadOnlyList<BaselineEntry> entries)
    {
        Entries = entries;
        _fingerprints = new HashSet<string>(entries.Select(e => e.Fingerprint), StringComparer.OrdinalIgnoreCase);
    }

    public static Baseline Empty { get; } = new(Array.Empty<BaselineEntry>());

    /// <summary>Sorted by path, rule, fingerprint; no duplicates.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    public bool Contains(string? fingerprint) => fingerprint != null && _fingerprints.Contains(fingerprint);

    /// <summary>Builds a baseline from a scan: every finding that is not suppressed inline (those already carry their reason).</summary>
    public static Baseline FromFindings(IEnumerable<Finding> findings) =>
        Create(findings
            .Where(f => f.Fingerprint != null && f.Suppression is SuppressionKind.None or SuppressionKind.Baseline)
            .Select(f => new BaselineEntry(f.Fingerprint!, f.RuleId, f.Path)));

    public static Baseline Create(IEnumerable<BaselineEntry> entries)
    {
        var unique = new Dictionary<string, BaselineEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!unique.ContainsKey(entry.Fingerprint))
            {
                unique[entry.Fingerprint] = entry;
            }
        }

        return new Baseline(unique.Values
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>Parses the file; a corrupt file yields an empty baseline and a problem (reported as DL9002), never an exception.</summary>
    public static Baseline Parse(string path, string text, out ConfigurationProblem? problem)
    {
        problem = null;
        try
        {
            if (MiniJson.Parse(text) is not Dictionary<string, object?> root)
            {
                throw new FormatException("the file must hold a JSON object");
            }

            if (root.TryGetValue("version", out var version) && version is double v && v > FormatVersion)
            {
                throw new FormatException("version " + v.ToString(CultureInfo.InvariantCulture) + " is newer than this DevOpsLens understands (" + FormatVersion.ToString(CultureInfo.InvariantCulture) + ")");
            }

            if (!root.TryGetValue("findings", out var list) || list is not List<object?> items)
            {
                throw new FormatException("the \"findings\" array is missing");
            }

            var entries = new List<BaselineEntry>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not Dictionary<string, object?> item
                    || !item.TryGetValue("fingerprint", out var fp) || fp is not string fingerprint || fingerprint.Length == 0)
                {
                    throw new FormatException("entry " + (i + 1).ToString(CultureInfo.InvariantCulture) + " has no \"fingerprint\" string");
                }

                entries.Add(new BaselineEntry(
                    fingerprint,
                    item.TryGetValue("rule", out var r) && r is string rule ? rule : string.Empty,
                    item.TryGetValue("path", out var p) && p is string file ? file : string.Empty));
            }

            return Create(entries);
        }
        catch (FormatException ex)
        {
            problem = new ConfigurationProblem(path, -1, "The baseline file is not valid and was ignored (" + ex.Message + "); regenerate it with 'devopslens baseline'");
            return Empty;
        }
    }

    /// <summary>Marks findings whose fingerprint is in the baseline; findings already suppressed inline keep that reason.</summary>
    public IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings)
    {
        if (_fingerprints.Count == 0)
        {
            return findings;
        }

        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            result.Add(!finding.IsSuppressed && Contains(finding.Fingerprint)
                ? finding.With(suppression: SuppressionKind.Baseline, justification: "Accepted in " + DefaultPath)
                : finding);
        }

        return result;
    }

    /// <summary>Stable text: sorted, one entry per line, LF line endings, trailing newline.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"version\": ").Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("  \"findings\": [");
        for (var i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            sb.Append(i == 0 ? "\n" : ",\n");
            sb.Append("    { \"path\": ").Append(MiniJson.Quote(e.Path))
                .Append(", \"rule\": ").Append(MiniJson.Quote(e.RuleId))
                .Append(", \"fingerprint\": ").Append(MiniJson.Quote(e.Fingerprint))
                .Append(" }");
        }

        sb.Append(Entries.Count == 0 ? "]\n" : "\n  ]\n");
        sb.Append("}\n");
        return sb.ToString();
    }
}
