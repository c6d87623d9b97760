namespace DevOpsLens.History.Evaluation;

/// <summary>The metric functions of the evaluation, kept pure so tests can check them on small hand-computed cases.</summary>
public static class EvaluationMetrics
{
    /// <summary>Area under the ROC curve (Mann–Whitney), ties counted as half. NaN when one class is missing.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        double positives = 0, rankSum = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>F1 of the positive class for predictions <c>score &gt;= threshold</c>.</summary>
    public static double F1(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
        }

        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }

    /// <summary>The threshold that maximises F1 on the given (validation) data.</summary>
    public static double BestF1Threshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var candidates = scores.Distinct().OrderBy(s => s).ToArray();
        if (candidates.Length > 200)
        {
            candidates = Enumerable.Range(1, 199).Select(q => candidates[(int)((long)q * candidates.Length / 200)]).ToArray();
        }

        var best = candidates.Length == 0 ? 0.5 : candidates[0];
        var bestF1 = -1.0;
        foreach (var t in candidates)
        {
            var f1 = F1(scores, labels, t);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = t;
            }
        }

        return best;
    }

    /// <summary>
    /// Effort-aware metrics (Kamei et al. 2013; Yang et al. 2016). Changes are inspected in order of
    /// <paramref name="ranking"/> (highest first), each costing its <paramref name="effort"/> (changed lines).
    /// Popt = 1 − (area(optimal) − area(model)) / (area(optimal) − area(worst)) under the curve of defective
    /// changes found against effort spent; Recall@20% = share of defective changes found within 20 % of the total effort.
    /// </summary>
    public static (double Popt, double RecallAt20) EffortAware(IReadOnlyList<double> ranking, IReadOnlyList<double> effort, IReadOnlyList<bool> labels)
    {
        var n = ranking.Count;
        var index = Enumerable.Range(0, n).ToArray();

        // Ties in the ranking are broken by smaller effort first, then by position, so the result is deterministic.
        var model = index.OrderByDescending(i => ranking[i]).ThenBy(i => effort[i]).ThenBy(i => i).ToArray();
        var optimal = index.OrderByDescending(i => labels[i]).ThenBy(i => effort[i]).ThenBy(i => i).ToArray();
        var worst = index.OrderBy(i => labels[i]).ThenByDescending(i => effort[i]).ThenBy(i => i).ToArray();
        var totalEffort = effort.Sum();
        var totalDefects = labels.Count(l => l);
        if (totalDefects == 0 || totalEffort <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var areaModel = Area(model, effort, labels, totalEffort, totalDefects, out var recall20);
        var areaOptimal = Area(optimal, effort, labels, totalEffort, totalDefects, out _);
        var areaWorst = Area(worst, effort, labels, totalEffort, totalDefects, out _);
        var denominator = areaOptimal - areaWorst;
        var popt = denominator <= 0 ? 1 : 1 - (areaOptimal - areaModel) / denominator;
        return (popt, recall20);
    }

    private static double Area(int[] order, IReadOnlyList<double> effort, IReadOnlyList<bool> labels, double totalEffort, int totalDefects, out double recallAt20)
    {
        double area = 0, x = 0, y = 0;
        recallAt20 = 0;
        var found = 0;
        foreach (var i in order)
        {
            var nx = x + effort[i] / totalEffort;
            if (labels[i])
            {
                found++;
            }

            var ny = (double)found / totalDefects;
            area += (nx - x) * (y + ny) / 2;
            if (nx <= 0.2 + 1e-12)
            {
                recallAt20 = ny;
            }

            x = nx;
            y = ny;
        }

        return area;
    }

    /// <summary>The 2.5th and 97.5th percentiles of a metric over bootstrap resamples of the test set (fixed seed).</summary>
    public static (double Low, double High) BootstrapInterval(int count, Func<int[], double> metric, int resamples = 200, int seed = 7)
    {
        var random = new Random(seed);
        var values = new List<double>(resamples);
        var pick = new int[count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < count; i++)
            {
                pick[i] = random.Next(count);
            }

            var v = metric(pick);
            if (!double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        values.Sort();
        return (values[(int)(0.025 * (values.Count - 1))], values[(int)Math.Ceiling(0.975 * (values.Count - 1))]);
    }
}
