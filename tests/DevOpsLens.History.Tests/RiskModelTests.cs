using DevOpsLens.History.Evaluation;
using DevOpsLens.History.Model;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class RiskModelTests
{
    /// <summary>Synthetic changes whose risk grows with the lines added (feature 4) and falls with experience (feature 11).</summary>
    private static List<Sample> Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new List<Sample>();
        for (var i = 0; i < count; i++)
        {
            var features = new float[FeatureSet.Count];
            features[4] = (float)(random.NextDouble() * 6);
            features[11] = (float)(random.NextDouble() * 6);
            var logit = features[4] - features[11] + (random.NextDouble() - 0.5) * 2;
            samples.Add(new Sample { Id = i.ToString(), Time = i, Features = features, Label = logit > 1, Churn = Math.Exp(features[4]) });
        }

        return samples;
    }

    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.LogisticRegression)]
    public void Every_learner_learns_a_planted_signal(TrainerKind kind)
    {
        var model = RiskModel.Train(Synthetic(1500, 1), kind, new ModelCard());
        var test = Synthetic(500, 2);

        var auc = EvaluationMetrics.Auc(model.PredictMany(test), test.Select(s => s.Label).ToArray());

        Assert.True(auc > 0.85, $"AUC {auc}");
    }

    [Fact]
    public void Saved_model_loads_with_its_card_and_predicts_the_same()
    {
        var model = RiskModel.Train(Synthetic(800, 3), TrainerKind.FastTree, new ModelCard { TrainedOn = "repository", Source = "test" });
        var path = Path.Combine(Path.GetTempPath(), "dl-model-" + Guid.NewGuid().ToString("N")[..8] + ".zip");
        try
        {
            model.Save(path);
            var loaded = RiskModel.Load(path);
            var probe = Synthetic(5, 4)[0].Features;

            Assert.Equal(model.Predict(probe), loaded.Predict(probe), 6);
            Assert.Equal("test", loaded.Card.Source);
            Assert.Equal(800, loaded.Card.Examples);
            Assert.Equal(FeatureSet.Count, loaded.Card.Reference.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Contributions_point_at_the_feature_that_drives_the_risk()
    {
        var model = RiskModel.Train(Synthetic(1500, 5), TrainerKind.FastTree, new ModelCard());
        var risky = new float[FeatureSet.Count];
        risky[4] = 6;
        risky[11] = 0.5f;

        var contributions = model.Contributions(risky);
        var top = Array.IndexOf(contributions, contributions.Max());

        Assert.Contains(top, new[] { 4, 11 });
        Assert.True(contributions[4] > 0);
        Assert.Equal(0, contributions[0]);
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("")]
    public void Damaged_model_file_is_refused_with_a_plain_message(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<InvalidDataException>(() => RiskModel.Load(stream));

        Assert.Contains("not a DevOpsLens risk model", error.Message);
    }

    [Fact]
    public void Embedded_default_model_loads_and_says_where_it_comes_from()
    {
        var (model, error) = ModelResolver.DefaultModel;

        Assert.Null(error);
        Assert.NotNull(model);
        Assert.Equal("public-jit", model!.Card.TrainedOn);
        Assert.True(model.Card.Examples > 10000);
    }

    [Fact]
    public void Time_ordered_evaluation_reports_every_method_and_never_tests_on_training_data()
    {
        var samples = Synthetic(1200, 6).Select(s => new Sample { Id = s.Id, Time = s.Time * 86400L, Features = s.Features, Label = s.Label, Churn = s.Churn }).ToList();
        var options = new EvaluationOptions { BootstrapResamples = 20, GapDays = 10 };

        var result = TimeOrderedEvaluation.Evaluate("synthetic", samples, options, CancellationToken.None);

        Assert.Null(result.Skipped);
        Assert.Equal(240, result.TestCount);
        Assert.Equal(10, result.GapDropped);
        Assert.True(result.TrainTo < result.TestFrom);
        Assert.Equal(
            new[] { TimeOrderedEvaluation.ModelMethod, TimeOrderedEvaluation.LaOnly, TimeOrderedEvaluation.KameiLr, TimeOrderedEvaluation.SmallestFirst },
            result.Methods.Select(m => m.Method));
        var model = result.Methods[0];
        Assert.True(model.Auc.Value > 0.8, $"AUC {model.Auc.Value}");
        Assert.True(model.Auc.Low <= model.Auc.Value && model.Auc.Value <= model.Auc.High);
    }

    [Fact]
    public void Evaluation_skips_data_with_too_few_labelled_changes()
    {
        var samples = Synthetic(30, 7);

        var result = TimeOrderedEvaluation.Evaluate("tiny", samples, new EvaluationOptions(), CancellationToken.None);

        Assert.NotNull(result.Skipped);
        Assert.Empty(result.Methods);
    }
}
