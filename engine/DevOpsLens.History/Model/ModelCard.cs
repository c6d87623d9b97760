using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOpsLens.History.Model;

/// <summary>What a model was trained on and how well it did: written next to the model and inside its zip.</summary>
public sealed class ModelCard
{
    public const string ZipEntryName = "devopslens-model-card.json";

    [JsonPropertyName("format")]
    public string Format { get; set; } = "devopslens-risk-model";

    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; set; } = FeatureSet.SchemaVersion;

    [JsonPropertyName("toolVersion")]
    public string ToolVersion { get; set; } = typeof(ModelCard).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary><c>repository</c> or <c>public-jit</c>.</summary>
    [JsonPropertyName("trainedOn")]
    public string TrainedOn { get; set; } = "repository";

    [JsonPropertyName("trainer")]
    public string Trainer { get; set; } = "";

    [JsonPropertyName("features")]
    public List<string> Features { get; set; } = new(FeatureSet.Names);

    /// <summary>Per-feature median of the (transformed) training data: the reference point of explanations.</summary>
    [JsonPropertyName("reference")]
    public List<float> Reference { get; set; } = new();

    /// <summary>
    /// Weight given to bug-inducing examples in training (class balancing). Predictions divide the odds by it,
    /// so the score is a probability at the training data's real base rate again.
    /// </summary>
    [JsonPropertyName("positiveWeight")]
    public double PositiveWeight { get; set; } = 1;

    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    [JsonPropertyName("firstCommit")]
    public string? FirstCommit { get; set; }

    [JsonPropertyName("lastCommit")]
    public string? LastCommit { get; set; }

    [JsonPropertyName("from")]
    public DateTimeOffset? From { get; set; }

    [JsonPropertyName("to")]
    public DateTimeOffset? To { get; set; }

    [JsonPropertyName("examples")]
    public int Examples { get; set; }

    [JsonPropertyName("positives")]
    public int Positives { get; set; }

    /// <summary>Time-ordered validation metrics measured while training (newest part of the training data held out).</summary>
    [JsonPropertyName("validation")]
    public Dictionary<string, double> Validation { get; set; } = new();

    [JsonPropertyName("notes")]
    public List<string> Notes { get; set; } = new();

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public static ModelCard? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine("# DevOpsLens risk model card").AppendLine();
        b.AppendLine("| | |").AppendLine("|---|---|");
        b.AppendLine(c, $"| trained on | {(TrainedOn == "public-jit" ? "public JIT data (default model)" : "this repository's history")} |");
        b.AppendLine(c, $"| source | {Source} |");
        b.AppendLine(c, $"| trainer | {Trainer} |");
        b.AppendLine(c, $"| examples | {Examples} ({Positives} bug-inducing) |");
        if (From is not null && To is not null)
        {
            b.AppendLine(c, $"| data range | {From:yyyy-MM-dd} to {To:yyyy-MM-dd} |");
        }

        if (FirstCommit is not null)
        {
            b.AppendLine(c, $"| commits | {FirstCommit[..Math.Min(12, FirstCommit.Length)]} .. {LastCommit?[..Math.Min(12, LastCommit.Length)]} |");
        }

        b.AppendLine(c, $"| tool version | {ToolVersion}, feature schema {SchemaVersion} |");
        b.AppendLine().AppendLine("## Validation (time-ordered: newest part of the training data held out)").AppendLine();
        foreach (var (name, value) in Validation.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            b.AppendLine(c, $"- {name}: {value:0.000}");
        }

        b.AppendLine().AppendLine("## Features").AppendLine();
        b.AppendLine(string.Join(", ", Features));
        if (Notes.Count > 0)
        {
            b.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in Notes)
            {
                b.AppendLine("- " + note);
            }
        }

        return b.ToString();
    }
}
