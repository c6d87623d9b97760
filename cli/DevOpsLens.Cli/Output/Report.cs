using System.Reflection;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;

namespace DevOpsLens.Cli.Output;

/// <summary>What a writer formats: findings already filtered and sorted, plus the counts for the summary.</summary>
internal sealed class Report
{
    public Report(IReadOnlyList<Finding> findings, int filesChecked, int filesSkipped)
    {
        var sorted = findings.ToList();
        sorted.Sort(Finding.Compare);
        Findings = sorted;
        FilesChecked = filesChecked;
        FilesSkipped = filesSkipped;
    }

    public IReadOnlyList<Finding> Findings { get; }

    public int FilesChecked { get; }

    public int FilesSkipped { get; }

    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed);

    public int Suppressed => Findings.Count(f => f.IsSuppressed);

    public int Count(Severity severity) => Active.Count(f => f.Severity == severity);

    /// <summary>The catalog entries of the rules that have findings, in ID order.</summary>
    public IReadOnlyList<RuleDescriptor> Rules =>
        Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Select(RuleCatalog.Get).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>Major.minor.patch only, so reports do not change with the commit that built the tool.</summary>
    public static string ToolVersion { get; } = FormatVersion(typeof(Report).Assembly.GetName().Version);

    public const string ToolName = "DevOpsLens";
    public const string InformationUri = "https://github.com/devopslens/devopslens";

    private static string FormatVersion(Version? v) => v == null ? "0.0.0" : v.Major + "." + v.Minor + "." + Math.Max(0, v.Build);

    public static string Plural(int n, string singular) => n + " " + (n == 1 ? singular : singular + "s");
}

/// <summary>One output format. Writers only format: no filtering, no clock, no file system.</summary>
internal interface IReportWriter
{
    void Write(Report report, TextWriter output);
}

internal static class ReportWriters
{
    public static readonly string[] Formats = ["text", "json", "sarif", "markdown"];

    public static IReportWriter Create(string format, bool color) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(),
        "markdown" => new MarkdownReportWriter(),
        _ => new TextReportWriter(color),
    };
}
