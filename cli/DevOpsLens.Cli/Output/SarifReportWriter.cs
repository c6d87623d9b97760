using System.Text.Json;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;

namespace DevOpsLens.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: the driver lists the catalog entries of the rules that have results (help
/// URIs, descriptions, default level, tags, precision), results point at them by index, locations are relative
/// to <c>%SRCROOT%</c> with 1-based UTF-16 columns, fingerprints are line-independent, and suppressed findings
/// carry a SARIF suppression (inSource for comments and pragmas, external for the baseline) instead of vanishing.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "devopslens/v1";

    public void Write(Report report, TextWriter output) => JsonOutput.Write(output, w =>
    {
        var rules = report.Rules;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", Report.ToolName);
        w.WriteString("semanticVersion", Report.ToolVersion);
        w.WriteString("informationUri", Report.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(w, rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("%SRCROOT%");
        w.WriteStartObject("description");
        w.WriteString("text", "The root of the scanned repository.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("columnKind", "utf16CodeUnits");

        w.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(w, finding, ruleIndex[finding.RuleId]);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", ToPascalCase(rule.Title));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Description);
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpUri);
        w.WriteStartObject("help");
        w.WriteString("text", rule.Description + " See " + rule.HelpUri);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteBoolean("enabled", rule.IsEnabledByDefault);
        w.WriteString("level", rule.IsEnabledByDefault ? SeverityText.ToSarifLevel(rule.DefaultSeverity) : "none");
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        w.WriteString("confidence", rule.Confidence.ToString().ToLowerInvariant());
        w.WriteString("precision", rule.Confidence switch
        {
            Confidence.High => "high",
            Confidence.Medium => "medium",
            _ => "low",
        });
        if (rule.Tags.Contains("security"))
        {
            // GitHub code scanning sorts security results by this score.
            w.WriteString("security-severity", rule.DefaultSeverity switch
            {
                Severity.Error => "8.0",
                Severity.Warning => "5.0",
                _ => "2.0",
            });
        }

        w.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", SeverityText.ToSarifLevel(finding.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message);
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ToUri(finding.Path));
        if (!Path.IsPathRooted(finding.Path))
        {
            w.WriteString("uriBaseId", "%SRCROOT%");
        }

        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", finding.Start.Line + 1);
        w.WriteNumber("startColumn", finding.Start.Character + 1);
        w.WriteNumber("endLine", finding.End.Line + 1);
        w.WriteNumber("endColumn", finding.End.Character + 1);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        if (finding.Fingerprint != null)
        {
            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintKey, finding.Fingerprint);
            w.WriteEndObject();
        }

        if (finding.IsSuppressed)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", finding.Suppression == SuppressionKind.Baseline ? "external" : "inSource");
            w.WriteString("status", "accepted");
            if (!string.IsNullOrEmpty(finding.SuppressionJustification))
            {
                w.WriteString("justification", finding.SuppressionJustification);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (finding.Properties.Count > 0)
        {
            w.WriteStartObject("properties");
            foreach (var pair in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(pair.Key, pair.Value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>Relative paths stay relative (to %SRCROOT%); each segment is percent-encoded.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string ToPascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
