using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Cli.Output;

/// <summary>
/// For people: <c>path:line:col: severity DL1001: message</c>, one block per file, then a summary line. Suppressed
/// findings are counted, not listed. Colour only when writing to a terminal.
/// </summary>
internal sealed class TextReportWriter(bool color) : IReportWriter
{
    public void Write(Report report, TextWriter output)
    {
        string? currentPath = null;
        foreach (var finding in report.Active)
        {
            if (currentPath != null && !string.Equals(currentPath, finding.Path, StringComparison.Ordinal))
            {
                output.WriteLine();
            }

            currentPath = finding.Path;
            var severity = SeverityText.ToSarifLevel(finding.Severity);
            output.Write(finding.Path + ":" + (finding.Start.Line + 1) + ":" + (finding.Start.Character + 1) + ": ");
            output.Write(Paint(severity, finding.Severity));
            output.WriteLine(" " + finding.RuleId + ": " + finding.Message);
        }

        if (currentPath != null)
        {
            output.WriteLine();
        }

        var total = report.Active.Count();
        var summary = (total == 0 ? "No findings" : Report.Plural(total, "finding")
                + " (" + Report.Plural(report.Count(Severity.Error), "error") + ", " + Report.Plural(report.Count(Severity.Warning), "warning") + ", " + Report.Plural(report.Count(Severity.Note), "note") + ")")
            + " in " + Report.Plural(report.FilesChecked, "file") + " checked";
        if (report.Suppressed > 0)
        {
            summary += "; " + report.Suppressed + " suppressed";
        }

        if (report.FilesSkipped > 0)
        {
            summary += "; " + Report.Plural(report.FilesSkipped, "file") + " skipped";
        }

        output.WriteLine(summary + ".");
    }

    private string Paint(string text, Severity severity)
    {
        if (!color)
        {
            return text;
        }

        var code = severity switch
        {
            Severity.Error => "31",
            Severity.Warning => "33",
            _ => "36",
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
