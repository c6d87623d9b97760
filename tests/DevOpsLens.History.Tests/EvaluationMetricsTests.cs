using DevOpsLens.History.Evaluation;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class EvaluationMetricsTests
{
    [Fact]
    public void Auc_counts_correctly_ordered_pairs()
    {
        // Pairs (positive, negative): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right = 3/4.
        var auc = EvaluationMetrics.Auc(new[] { 0.1, 0.4, 0.35, 0.8 }, new[] { false, false, true, true });

        Assert.Equal(0.75, auc, 10);
    }

    [Fact]
    public void Auc_counts_ties_as_half_and_is_undefined_for_one_class()
    {
        Assert.Equal(0.5, EvaluationMetrics.Auc(new[] { 0.5, 0.5 }, new[] { true, false }), 10);
        Assert.True(double.IsNaN(EvaluationMetrics.Auc(new[] { 0.1, 0.2 }, new[] { true, true })));
    }

    [Fact]
    public void F1_at_threshold()
    {
        // Predicted positive: 0.9 (tp), 0.7 (fp); missed: 0.2 (fn). F1 = 2*1 / (2*1 + 1 + 1) = 0.5.
        var f1 = EvaluationMetrics.F1(new[] { 0.9, 0.7, 0.2, 0.1 }, new[] { true, false, true, false }, 0.5);

        Assert.Equal(0.5, f1, 10);
    }

    [Fact]
    public void Popt_is_one_for_the_optimal_order_and_zero_for_the_worst()
    {
        var effort = new[] { 1.0, 1.0 };
        var labels = new[] { true, false };

        Assert.Equal(1, EvaluationMetrics.EffortAware(new[] { 2.0, 1.0 }, effort, labels).Popt, 10);
        Assert.Equal(0, EvaluationMetrics.EffortAware(new[] { 1.0, 2.0 }, effort, labels).Popt, 10);
    }

    [Fact]
    public void Popt_matches_a_hand_computed_curve()
    {
        // Efforts 1, 1, 2 (total 4); labels T, F, T. Inspect F(1), T(1), T(2):
        // model area 0.4375, optimal 0.6875, worst 0.3125 -> Popt = 1 - 0.25 / 0.375 = 1/3.
        var (popt, _) = EvaluationMetrics.EffortAware(new[] { 2.0, 3.0, 1.0 }, new[] { 1.0, 1.0, 2.0 }, new[] { true, false, true });

        Assert.Equal(1.0 / 3, popt, 10);
    }

    [Fact]
    public void Recall_at_20_percent_effort_counts_defects_found_within_the_budget()
    {
        // Efforts 1, 4, 5 (total 10): the first change (10 % of the effort) is defective, the next one passes 20 %.
        var (_, recall) = EvaluationMetrics.EffortAware(new[] { 3.0, 2.0, 1.0 }, new[] { 1.0, 4.0, 5.0 }, new[] { true, false, true });

        Assert.Equal(0.5, recall, 10);
    }

    [Fact]
    public void Bootstrap_interval_brackets_the_estimate_and_is_reproducible()
    {
        var scores = Enumerable.Range(0, 200).Select(i => (double)(i % 17)).ToArray();
        var labels = Enumerable.Range(0, 200).Select(i => i % 17 > 8 ^ i % 5 == 0).ToArray();
        double Metric(int[] idx) => EvaluationMetrics.Auc(idx.Select(i => scores[i]).ToArray(), idx.Select(i => labels[i]).ToArray());
        var all = Metric(Enumerable.Range(0, 200).ToArray());

        var first = EvaluationMetrics.BootstrapInterval(200, Metric);
        var second = EvaluationMetrics.BootstrapInterval(200, Metric);

        Assert.True(first.Low < all && all < first.High, $"{first.Low} < {all} < {first.High}");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Best_threshold_maximises_f1_on_the_given_data()
    {
        var scores = new[] { 0.1, 0.2, 0.6, 0.7, 0.9 };
        var labels = new[] { false, false, true, true, true };

        Assert.Equal(0.6, EvaluationMetrics.BestF1Threshold(scores, labels), 10);
    }
}
