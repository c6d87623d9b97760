using DevOpsLens.History.Model;

namespace DevOpsLens.History.Evaluation;

/// <summary>A metric value and its bootstrap 95 % interval.</summary>
public sealed record Estimate(double Value, double Low, double High);

/// <summary>One method's test-set figures.</summary>
public sealed record MethodResult(string Method, Estimate Auc, Estimate F1, Estimate Popt, Estimate RecallAt20);

/// <summary>The evaluation of one project (or one repository).</summary>
public sealed record ProjectEvaluation
{
    public required string Project { get; init; }
    public int TrainCount { get; init; }
    public int TrainPositives { get; init; }
    public int TestCount { get; init; }
    public int TestPositives { get; init; }
    public int GapDropped { get; init; }
    public DateTimeOffset TrainFrom { get; init; }
    public DateTimeOffset TrainTo { get; init; }
    public DateTimeOffset TestFrom { get; init; }
    public DateTimeOffset TestTo { get; init; }
    public string SelectedTrainer { get; init; } = "";

    /// <summary>AUC of each candidate learner on the validation part (newest quarter of the training part).</summary>
    public IReadOnlyDictionary<string, double> ValidationAuc { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<MethodResult> Methods { get; init; } = Array.Empty<MethodResult>();

    /// <summary>Set when the project could not be evaluated (too few examples, one class only).</summary>
    public string? Skipped { get; init; }
}

public sealed record EvaluationOptions
{
    /// <summary>Newest share of the examples used as the test part.</summary>
    public double TestShare { get; init; } = 0.2;

    /// <summary>Training examples newer than this many days before the first test example are dropped.</summary>
    public double GapDays { get; init; } = 30;

    /// <summary>Newest share of the training part used to choose the learner and the F1 threshold.</summary>
    public double ValidationShare { get; init; } = 0.25;

    public IReadOnlyList<TrainerKind> Candidates { get; init; } = new[] { TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.LogisticRegression };

    public int BootstrapResamples { get; init; } = 200;

    /// <summary>Fewest examples (and positives in each part) for a meaningful evaluation.</summary>
    public int MinExamples { get; init; } = 60;
}

/// <summary>
/// Train on older changes, leave a gap, test on newer ones. Never shuffles across time; the learner and the
/// decision threshold are chosen on the newest part of the training data, never on the test part.
/// </summary>
public static class TimeOrderedEvaluation
{
    public const string ModelMethod = "DevOpsLens model";
    public const string LaOnly = "LA-only logistic regression (LApredict)";
    public const string SmallestFirst = "smallest change first";
    public const string KameiLr = "14-metric logistic regression";

    private const double SecondsPerDay = 86400;

    public static ProjectEvaluation Evaluate(string project, IReadOnlyList<Sample> samplesByTime, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var samples = samplesByTime.OrderBy(s => s.Time).ToList();
        var testStart = (int)Math.Floor(samples.Count * (1 - options.TestShare));
        var test = samples.Skip(testStart).ToList();
        if (test.Count == 0)
        {
            return new ProjectEvaluation { Project = project, Skipped = "no examples" };
        }

        var cutoff = test[0].Time - (long)(options.GapDays * SecondsPerDay);
        var train = samples.Take(testStart).Where(s => s.Time < cutoff).ToList();
        var gapDropped = testStart - train.Count;
        var validationStart = (int)Math.Floor(train.Count * (1 - options.ValidationShare));
        var innerTrain = train.Take(validationStart).ToList();
        var validation = train.Skip(validationStart).ToList();

        bool HasBoth(List<Sample> part) => part.Any(s => s.Label) && part.Any(s => !s.Label);
        if (samples.Count < options.MinExamples || !HasBoth(innerTrain) || !HasBoth(validation) || !HasBoth(test))
        {
            return new ProjectEvaluation
            {
                Project = project,
                TrainCount = train.Count,
                TestCount = test.Count,
                TrainPositives = train.Count(s => s.Label),
                TestPositives = test.Count(s => s.Label),
                Skipped = $"too few labelled changes for a time-ordered evaluation ({samples.Count} changes, {samples.Count(s => s.Label)} bug-inducing; need at least {options.MinExamples} and both classes in every part)",
            };
        }

        // Choose the learner on validation only.
        var validationAuc = new Dictionary<string, double>();
        var validationScores = new Dictionary<TrainerKind, double[]>();
        foreach (var kind in options.Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inner = RiskModel.Train(innerTrain, kind, new ModelCard());
            var scores = inner.PredictMany(validation);
            validationScores[kind] = scores;
            validationAuc[kind.ToString()] = EvaluationMetrics.Auc(scores, validation.Select(s => s.Label).ToArray());
        }

        var selected = options.Candidates.OrderByDescending(k => validationAuc[k.ToString()]).ThenBy(k => (int)k).First();
        var validationLabels = validation.Select(s => s.Label).ToArray();
        var methods = new List<MethodResult>();

        // The selected learner, refitted on the whole training part.
        var model = RiskModel.Train(train, selected, new ModelCard());
        var modelThreshold = EvaluationMetrics.BestF1Threshold(validationScores[selected], validationLabels);
        methods.Add(Score(ModelMethod, model.PredictMany(test), modelThreshold, test, options));

        cancellationToken.ThrowIfCancellationRequested();
        methods.Add(Baseline(LaOnly, innerTrain, validation, train, test, options, keep: i => i == 4));
        cancellationToken.ThrowIfCancellationRequested();
        methods.Add(Baseline(KameiLr, innerTrain, validation, train, test, options, keep: i => i < FeatureSet.KameiCount));

        var smallValidation = validation.Select(s => 1.0 / (1 + s.Churn)).ToArray();
        var smallThreshold = EvaluationMetrics.BestF1Threshold(smallValidation, validationLabels);
        methods.Add(Score(SmallestFirst, test.Select(s => 1.0 / (1 + s.Churn)).ToArray(), smallThreshold, test, options, rankByDensity: false));

        return new ProjectEvaluation
        {
            Project = project,
            TrainCount = train.Count,
            TrainPositives = train.Count(s => s.Label),
            TestCount = test.Count,
            TestPositives = test.Count(s => s.Label),
            GapDropped = gapDropped,
            TrainFrom = DateTimeOffset.FromUnixTimeSeconds(train[0].Time),
            TrainTo = DateTimeOffset.FromUnixTimeSeconds(train[^1].Time),
            TestFrom = DateTimeOffset.FromUnixTimeSeconds(test[0].Time),
            TestTo = DateTimeOffset.FromUnixTimeSeconds(test[^1].Time),
            SelectedTrainer = selected.ToString(),
            ValidationAuc = validationAuc,
            Methods = methods,
        };
    }

    private static MethodResult Baseline(string name, List<Sample> innerTrain, List<Sample> validation, List<Sample> train, List<Sample> test, EvaluationOptions options, Func<int, bool> keep)
    {
        List<Sample> Mask(List<Sample> part) => part.Select(s => new Sample
        {
            Id = s.Id,
            Time = s.Time,
            Label = s.Label,
            Churn = s.Churn,
            Features = s.Features.Select((v, i) => keep(i) ? v : 0f).ToArray(),
        }).ToList();

        var inner = RiskModel.Train(Mask(innerTrain), TrainerKind.LogisticRegression, new ModelCard());
        var threshold = EvaluationMetrics.BestF1Threshold(inner.PredictMany(Mask(validation)), validation.Select(s => s.Label).ToArray());
        var full = RiskModel.Train(Mask(train), TrainerKind.LogisticRegression, new ModelCard());
        return Score(name, full.PredictMany(Mask(test)), threshold, test, options);
    }

    /// <summary>
    /// Test-set figures of one method. The effort-aware ranking is risk per changed line (probability / churn),
    /// as in the effort-aware JIT literature, unless the scores already are a size ordering.
    /// </summary>
    private static MethodResult Score(string name, double[] scores, double threshold, List<Sample> test, EvaluationOptions options, bool rankByDensity = true)
    {
        var labels = test.Select(s => s.Label).ToArray();
        var effort = test.Select(s => s.Churn).ToArray();
        var ranking = rankByDensity ? scores.Select((p, i) => p / Math.Max(1, effort[i])).ToArray() : scores;

        Estimate Estimate(Func<int[], double> metric)
        {
            var all = Enumerable.Range(0, test.Count).ToArray();
            var (low, high) = EvaluationMetrics.BootstrapInterval(test.Count, metric, options.BootstrapResamples);
            return new Estimate(metric(all), low, high);
        }

        double[] Pick(double[] source, int[] idx) => idx.Select(i => source[i]).ToArray();
        bool[] PickLabels(int[] idx) => idx.Select(i => labels[i]).ToArray();

        return new MethodResult(
            name,
            Estimate(idx => EvaluationMetrics.Auc(Pick(scores, idx), PickLabels(idx))),
            Estimate(idx => EvaluationMetrics.F1(Pick(scores, idx), PickLabels(idx), threshold)),
            Estimate(idx => EvaluationMetrics.EffortAware(Pick(ranking, idx), Pick(effort, idx), PickLabels(idx)).Popt),
            Estimate(idx => EvaluationMetrics.EffortAware(Pick(ranking, idx), Pick(effort, idx), PickLabels(idx)).RecallAt20));
    }
}
