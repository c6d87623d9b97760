using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace DevOpsLens.History.Model;

/// <summary>The learners compared by measurement (docs/risk-model.md).</summary>
public enum TrainerKind
{
    FastTree,
    LightGbm,
    LogisticRegression,
}

/// <summary>One labelled example: transformed features, the label, and what the effort-aware metrics need.</summary>
public sealed class Sample
{
    public required string Id { get; init; }

    public long Time { get; init; }

    public required float[] Features { get; init; }

    public bool Label { get; init; }

    /// <summary>Review effort: lines added + deleted.</summary>
    public double Churn { get; init; }
}

internal sealed class RiskRow
{
    [VectorType(FeatureSet.Count)]
    public float[] Features { get; set; } = Array.Empty<float>();

    public bool Label { get; set; }

    public float Weight { get; set; }
}

internal sealed class RiskPrediction
{
    public float Probability { get; set; }
}

/// <summary>A trained ML.NET binary classifier plus its card. Thread-safe.</summary>
public sealed class RiskModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly object _gate = new();
    private PredictionEngine<RiskRow, RiskPrediction>? _engine;

    private RiskModel(MLContext ml, ITransformer transformer, ModelCard card)
    {
        _ml = ml;
        _transformer = transformer;
        Card = card;
    }

    public ModelCard Card { get; }

    /// <summary>Trains a model. Positive examples are weighted by the class ratio, so the rare class is not ignored.</summary>
    public static RiskModel Train(IReadOnlyList<Sample> samples, TrainerKind kind, ModelCard card, int seed = 1)
    {
        if (samples.Count == 0 || samples.All(s => s.Label) || samples.All(s => !s.Label))
        {
            throw new InvalidOperationException("training needs both bug-inducing and clean examples");
        }

        var ml = new MLContext(seed);
        var positives = samples.Count(s => s.Label);
        var positiveWeight = (float)(samples.Count - positives) / positives;
        var rows = samples.Select(s => new RiskRow { Features = s.Features, Label = s.Label, Weight = s.Label ? positiveWeight : 1f });
        var data = ml.Data.LoadFromEnumerable(rows);
        var transformer = BuildPipeline(ml, kind, samples.Count).Fit(data);
        card.Trainer = kind.ToString();
        card.PositiveWeight = positiveWeight;
        card.Examples = samples.Count;
        card.Positives = positives;
        card.Features = new List<string>(FeatureSet.Names);
        card.SchemaVersion = FeatureSet.SchemaVersion;
        card.Reference = Enumerable.Range(0, FeatureSet.Count).Select(i => Median(samples.Select(s => s.Features[i]))).ToList();
        return new RiskModel(ml, transformer, card);
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml, TrainerKind kind, int count)
    {
        var minLeaf = Math.Max(5, Math.Min(50, count / 100));
        return kind switch
        {
            TrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                ExampleWeightColumnName = nameof(RiskRow.Weight),
                NumberOfLeaves = 16,
                NumberOfTrees = 200,
                MinimumExampleCountPerLeaf = minLeaf,
                LearningRate = 0.05,
                FeatureFraction = 0.8,
                Shrinkage = 1,
                NumberOfThreads = 1,
            }),
            TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                ExampleWeightColumnName = nameof(RiskRow.Weight),
                NumberOfLeaves = 16,
                NumberOfIterations = 200,
                MinimumExampleCountPerLeaf = minLeaf,
                LearningRate = 0.05,
                Seed = 1,
                NumberOfThreads = 1,
                Booster = new GradientBooster.Options { FeatureFraction = 0.8, L2Regularization = 1 },
            }),
            _ => ml.Transforms.NormalizeMeanVariance(nameof(RiskRow.Features))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    ExampleWeightColumnName = nameof(RiskRow.Weight),
                    L2Regularization = 1f,
                    NumberOfThreads = 1,
                })),
        };
    }

    /// <summary>Probability (0–1) that the change is bug-inducing.</summary>
    public double Predict(float[] features)
    {
        lock (_gate)
        {
            _engine ??= _ml.Model.CreatePredictionEngine<RiskRow, RiskPrediction>(_transformer);
            return CorrectPrior(_engine.Predict(new RiskRow { Features = features }).Probability);
        }
    }

    /// <summary>Probabilities for many examples at once (evaluation).</summary>
    public double[] PredictMany(IReadOnlyList<Sample> samples)
    {
        var data = _ml.Data.LoadFromEnumerable(samples.Select(s => new RiskRow { Features = s.Features }));
        var scored = _transformer.Transform(data);
        return scored.GetColumn<float>("Probability").Select(CorrectPrior).ToArray();
    }

    /// <summary>
    /// How much each feature moves the probability: the prediction minus the prediction with that feature set
    /// to the training median. Model-agnostic, so trees and the logistic regression explain the same way.
    /// </summary>
    public double[] Contributions(float[] features)
    {
        var baseline = Predict(features);
        var result = new double[FeatureSet.Count];
        for (var i = 0; i < FeatureSet.Count; i++)
        {
            var reference = i < Card.Reference.Count ? Card.Reference[i] : 0f;
            if (features[i] == reference)
            {
                continue;
            }

            var probe = (float[])features.Clone();
            probe[i] = reference;
            result[i] = baseline - Predict(probe);
        }

        return result;
    }

    /// <summary>Undoes the class weighting: odds / weight (a monotone map, so rankings and AUC are unchanged).</summary>
    private double CorrectPrior(float probability)
    {
        if (float.IsNaN(probability))
        {
            return 0;
        }

        var p = Math.Clamp((double)probability, 1e-6, 1 - 1e-6);
        var odds = p / (1 - p) / Math.Max(Card.PositiveWeight, 1e-6);
        return odds / (1 + odds);
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var schema = SchemaDefinitionView();
        using (var stream = File.Create(path))
        {
            _ml.Model.Save(_transformer, schema, stream);
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.CreateEntry(ModelCard.ZipEntryName);
        using var writer = new StreamWriter(entry.Open());
        writer.Write(Card.ToJson());
    }

    private DataViewSchema SchemaDefinitionView() =>
        _ml.Data.LoadFromEnumerable(Array.Empty<RiskRow>()).Schema;

    /// <summary>Loads a model written by <see cref="Save"/>. Throws <see cref="InvalidDataException"/> with a plain message when the file is not one.</summary>
    public static RiskModel Load(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        ModelCard? card;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry(ModelCard.ZipEntryName) ?? throw new InvalidDataException("it has no DevOpsLens model card");
            using var reader = new StreamReader(entry.Open());
            card = ModelCard.FromJson(reader.ReadToEnd());
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException("not a DevOpsLens risk model (" + ex.Message + ")", ex);
        }

        if (card is null || card.Format != "devopslens-risk-model")
        {
            throw new InvalidDataException("not a DevOpsLens risk model (unreadable model card)");
        }

        if (card.SchemaVersion != FeatureSet.SchemaVersion || card.Features.Count != FeatureSet.Count)
        {
            throw new InvalidDataException($"the model uses feature schema {card.SchemaVersion}; this version of DevOpsLens needs schema {FeatureSet.SchemaVersion} (run `devopslens train` again)");
        }

        buffer.Position = 0;
        var ml = new MLContext(1);
        try
        {
            var transformer = ml.Model.Load(buffer, out _);
            var model = new RiskModel(ml, transformer, card);
            model.Predict(new float[FeatureSet.Count]);
            return model;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException("the model file is damaged (" + ex.Message + ")", ex);
        }
    }

    public static RiskModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    internal static float Median(IEnumerable<float> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
