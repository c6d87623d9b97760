using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.History.Risk;

namespace DevOpsLens.Cli.Commands;

/// <summary>Renders change-risk results as text, JSON, Markdown (PR comment / job summary) or SARIF 2.1.0.</summary>
internal static class RiskReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Level(int score) => score >= 60 ? "high" : score >= 30 ? "medium" : "low";

    public static string Render(IReadOnlyList<ChangeRiskResult> results, string format, int? gate) => format switch
    {
        "json" => RenderJson(results, gate),
        "markdown" => RenderMarkdown(results, gate),
        "sarif" => RenderSarif(results, gate),
        _ => RenderText(results, gate),
    };

    private static string RenderText(IReadOnlyList<ChangeRiskResult> results, int? gate)
    {
        var b = new StringBuilder();
        foreach (var r in results)
        {
            if (b.Length > 0)
            {
                b.AppendLine();
            }

            if (r.Outcome == ChangeRiskOutcome.Scored)
            {
                b.AppendLine(C, $"Change risk {r.Score}/100 ({Level(r.Score)}): {r.Subject}");
            }
            else
            {
                b.AppendLine(C, $"Change risk not scored: {r.Subject}");
            }

            b.AppendLine(C, $"Model: {r.ModelDescription}");
            if (gate is { } g && r.Outcome == ChangeRiskOutcome.Scored)
            {
                b.AppendLine(r.Score > g ? $"Gate: FAILED (above {g})" : $"Gate: passed (at most {g})");
            }

            if (r.Factors.Count > 0)
            {
                b.AppendLine("Why:");
                foreach (var f in r.Factors)
                {
                    b.AppendLine(C, $"  {Points(f.Contribution),6}  {f.Description}");
                }
            }

            if (r.Files.Count > 0)
            {
                b.AppendLine("Files:");
                foreach (var f in r.Files.Take(20))
                {
                    var why = f.Factors.Count > 0 ? "  " + string.Join("; ", f.Factors.Where(x => x.Contribution > 0).Select(x => x.Description)) : "";
                    b.AppendLine(C, $"  {f.Score,3}  {f.Path} (+{f.LinesAdded} -{f.LinesDeleted}){why}");
                }

                if (r.Files.Count > 20)
                {
                    b.AppendLine(C, $"  … and {r.Files.Count - 20} more files");
                }
            }

            if (r.Message is not null)
            {
                b.AppendLine("Note: " + r.Message);
            }
        }

        return b.ToString();
    }

    private static string Points(double contribution) =>
        contribution == 0 ? "info" : (contribution > 0 ? "+" : "") + contribution.ToString("0.0", C);

    private static string RenderJson(IReadOnlyList<ChangeRiskResult> results, int? gate)
    {
        var payload = new
        {
            gate,
            failed = gate is { } g && results.Any(r => r.Outcome == ChangeRiskOutcome.Scored && r.Score > g),
            results,
        };
        return JsonSerializer.Serialize(payload, Json);
    }

    private static string RenderMarkdown(IReadOnlyList<ChangeRiskResult> results, int? gate)
    {
        var b = new StringBuilder();
        foreach (var r in results)
        {
            var scored = r.Outcome == ChangeRiskOutcome.Scored;
            b.AppendLine(scored
                ? $"### DevOpsLens change risk: {r.Score}/100 ({Level(r.Score)})"
                : "### DevOpsLens change risk: not scored");
            b.AppendLine();
            b.AppendLine(C, $"{Escape(r.Subject)} · {Escape(r.ModelDescription)}");
            if (gate is { } g && scored)
            {
                b.AppendLine().AppendLine(r.Score > g ? $"**Gate failed**: the score is above {g}." : $"Gate passed (at most {g}).");
            }

            if (r.Factors.Count > 0)
            {
                b.AppendLine().AppendLine("| points | why |").AppendLine("|---:|---|");
                foreach (var f in r.Factors)
                {
                    b.AppendLine(C, $"| {Points(f.Contribution)} | {Escape(f.Description)} |");
                }
            }

            if (r.Files.Count > 0)
            {
                b.AppendLine().AppendLine(C, $"<details><summary>{r.Files.Count} changed file(s)</summary>").AppendLine();
                b.AppendLine("| risk | file | lines | why |").AppendLine("|---:|---|---:|---|");
                foreach (var f in r.Files.Take(50))
                {
                    var why = string.Join("; ", f.Factors.Where(x => x.Contribution > 0).Select(x => Escape(x.Description)));
                    b.AppendLine(C, $"| {f.Score} | `{f.Path.Replace("`", "'", StringComparison.Ordinal)}` | +{f.LinesAdded} −{f.LinesDeleted} | {why} |");
                }

                b.AppendLine().AppendLine("</details>");
            }

            if (r.Message is not null)
            {
                b.AppendLine().AppendLine("> " + Escape(r.Message));
            }

            b.AppendLine();
        }

        return b.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string RenderSarif(IReadOnlyList<ChangeRiskResult> results, int? gate)
    {
        var rule = RuleCatalog.ChangeRisk;
        var threshold = gate ?? int.Parse(rule.Options.First(o => o.Name == "fail_above").DefaultValue, C);
        var sarifResults = new JsonArray();
        foreach (var r in results.Where(r => r.Outcome == ChangeRiskOutcome.Scored && r.Score > threshold))
        {
            var why = string.Join("; ", r.Factors.Where(f => f.Contribution > 0).Take(3).Select(f => f.Description));
            var top = r.Files[0];
            sarifResults.Add(new JsonObject
            {
                ["ruleId"] = rule.Id,
                ["level"] = gate is null ? "warning" : "error",
                ["message"] = new JsonObject { ["text"] = string.Format(C, rule.MessageFormat, r.Score, threshold, why.Length == 0 ? r.Subject : why) },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = top.Path },
                        ["region"] = new JsonObject { ["startLine"] = 1 },
                    },
                }),
                ["properties"] = new JsonObject
                {
                    ["score"] = r.Score,
                    ["subject"] = r.Subject,
                    ["model"] = r.ModelDescription,
                    ["factors"] = new JsonArray(r.Factors.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["description"] = f.Description, ["points"] = f.Contribution }).ToArray()),
                },
            });
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "DevOpsLens",
                        ["informationUri"] = "https://github.com/devopslens/devopslens",
                        ["rules"] = new JsonArray(new JsonObject
                        {
                            ["id"] = rule.Id,
                            ["name"] = "ChangeRisk",
                            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                            ["fullDescription"] = new JsonObject { ["text"] = rule.Description },
                            ["helpUri"] = rule.HelpUri,
                            ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
                        }),
                    },
                },
                ["results"] = sarifResults,
            }),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
