using System.Text.Json;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;

namespace DevOpsLens.Cli.Output;

/// <summary>
/// The machine-readable report whose schema docs/ci.md documents (<c>schemaVersion</c> 1): summary counts, the
/// rules that have findings, and every finding including suppressed ones, with 1-based UTF-16 positions.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    public void Write(Report report, TextWriter output) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", Report.ToolName);
        w.WriteString("version", Report.ToolVersion);
        w.WriteEndObject();

        w.WriteStartObject("summary");
        w.WriteNumber("filesChecked", report.FilesChecked);
        w.WriteNumber("filesSkipped", report.FilesSkipped);
        w.WriteNumber("findings", report.Active.Count());
        w.WriteNumber("errors", report.Count(Severity.Error));
        w.WriteNumber("warnings", report.Count(Severity.Warning));
        w.WriteNumber("notes", report.Count(Severity.Note));
        w.WriteNumber("suppressed", report.Suppressed);
        w.WriteEndObject();

        w.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            WriteRule(w, rule);
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(w, finding);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("title", rule.Title);
        w.WriteString("category", rule.Category);
        w.WriteString("defaultSeverity", SeverityText.ToSarifLevel(rule.DefaultSeverity));
        w.WriteString("confidence", rule.Confidence.ToString().ToLowerInvariant());
        w.WriteString("appliesTo", rule.AppliesTo);
        w.WriteString("description", rule.Description);
        w.WriteString("helpUri", rule.HelpUri);
        w.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        w.WriteStartArray("options");
        foreach (var option in rule.Options)
        {
            w.WriteStartObject();
            w.WriteString("key", "devopslens." + rule.Id + "." + option.Name);
            w.WriteString("default", option.DefaultValue);
            w.WriteString("description", option.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding finding)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.RuleId);
        w.WriteString("severity", SeverityText.ToSarifLevel(finding.Severity));
        w.WriteString("confidence", finding.Rule.Confidence.ToString().ToLowerInvariant());
        w.WriteString("path", finding.Path);
        w.WriteNumber("startLine", finding.Start.Line + 1);
        w.WriteNumber("startColumn", finding.Start.Character + 1);
        w.WriteNumber("endLine", finding.End.Line + 1);
        w.WriteNumber("endColumn", finding.End.Character + 1);
        w.WriteString("message", finding.Message);
        if (finding.Fingerprint != null)
        {
            w.WriteString("fingerprint", finding.Fingerprint);
        }
        else
        {
            w.WriteNull("fingerprint");
        }

        if (finding.IsSuppressed)
        {
            w.WriteStartObject("suppression");
            w.WriteString("kind", SuppressionName(finding.Suppression));
            w.WriteString("justification", finding.SuppressionJustification ?? string.Empty);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("suppression");
        }

        w.WriteStartObject("properties");
        foreach (var pair in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(pair.Key, pair.Value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string SuppressionName(SuppressionKind kind) => kind switch
    {
        SuppressionKind.InlineComment => "inline",
        SuppressionKind.Baseline => "baseline",
        SuppressionKind.Pragma => "pragma",
        SuppressionKind.Attribute => "attribute",
        _ => "none",
    };
}
