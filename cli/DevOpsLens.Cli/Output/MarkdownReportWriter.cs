using System.Text;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Cli.Output;

/// <summary>
/// A PR comment or job summary: a headline with counts and a table of unsuppressed findings, capped so the
/// comment stays readable (GitHub limits comment size), ending with "… and N more".
/// </summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public const int MaxRows = 50;

    public void Write(Report report, TextWriter output)
    {
        var active = report.Active.ToList();
        output.WriteLine("### DevOpsLens");
        output.WriteLine();
        if (active.Count == 0)
        {
            output.WriteLine("No findings in " + Report.Plural(report.FilesChecked, "file") + " checked" + Tail(report) + ".");
            return;
        }

        output.WriteLine("**" + Report.Plural(active.Count, "finding") + "**: " + Report.Plural(report.Count(Severity.Error), "error") + ", "
            + Report.Plural(report.Count(Severity.Warning), "warning") + ", " + Report.Plural(report.Count(Severity.Note), "note")
            + " in " + Report.Plural(report.FilesChecked, "file") + " checked" + Tail(report) + ".");
        output.WriteLine();
        output.WriteLine("| Severity | Rule | Location | Message |");
        output.WriteLine("|---|---|---|---|");
        foreach (var finding in active.Take(MaxRows))
        {
            var rule = RuleCatalog.Get(finding.RuleId);
            output.WriteLine("| " + Icon(finding.Severity) + " " + SeverityText.ToSarifLevel(finding.Severity)
                + " | [" + finding.RuleId + "](" + rule.HelpUri + ") " + Escape(rule.Title)
                + " | `" + finding.Path.Replace("`", "'", StringComparison.Ordinal) + ":" + (finding.Start.Line + 1) + "`"
                + " | " + Escape(finding.Message) + " |");
        }

        if (active.Count > MaxRows)
        {
            output.WriteLine();
            output.WriteLine("… and " + (active.Count - MaxRows) + " more.");
        }
    }

    private static string Tail(Report report)
    {
        var parts = new List<string>();
        if (report.Suppressed > 0)
        {
            parts.Add(report.Suppressed + " suppressed");
        }

        if (report.FilesSkipped > 0)
        {
            parts.Add(Report.Plural(report.FilesSkipped, "file") + " skipped");
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "🔴",
        Severity.Warning => "🟠",
        _ => "🔵",
    };

    /// <summary>Table cells: pipes and line breaks would break the row; angle brackets would become HTML.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': sb.Append("\\|"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
