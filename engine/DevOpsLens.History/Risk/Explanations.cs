using System.Globalization;
using DevOpsLens.History.Mining;
using DevOpsLens.History.Model;

namespace DevOpsLens.History.Risk;

/// <summary>Turns per-feature contributions into factors in plain words.</summary>
internal static class Explanations
{
    /// <summary>Contributions smaller than this many points are noise and not shown.</summary>
    public const double MinimumPoints = 0.5;

    public static List<RiskFactor> Build(double[] contributions, ChangeMetrics m, ChangeDetails details, ModelCard card, int maxPositive = 5, int maxNegative = 2)
    {
        var factors = new List<RiskFactor>();

        // Features that say the same thing in words (a new file has no size, age, changes or developers) are merged.
        var merged = Enumerable.Range(0, FeatureSet.Count)
            .Where(i => contributions[i] != 0)
            .GroupBy(i => Describe(i, m, details), StringComparer.Ordinal)
            .Select(g => (Names: string.Join("+", g.Select(i => FeatureSet.Names[i])), Description: g.Key, Points: g.Sum(i => contributions[i]) * 100))
            .Where(x => Math.Abs(x.Points) >= MinimumPoints)
            .ToList();
        foreach (var (names, description, points) in merged.Where(x => x.Points > 0).OrderByDescending(x => x.Points).Take(maxPositive))
        {
            factors.Add(new RiskFactor(names, description, Math.Round(points, 1)));
        }

        foreach (var (names, description, points) in merged.Where(x => x.Points < 0).OrderBy(x => x.Points).Take(maxNegative))
        {
            factors.Add(new RiskFactor(names, description, Math.Round(points, 1)));
        }

        // The default model never saw DevOps signals (the public data has none): still say what the change touches.
        if (card.TrainedOn == "public-jit")
        {
            for (var i = FeatureSet.KameiCount + 1; i < FeatureSet.Count - 1; i++)
            {
                if (IsSet(i, m))
                {
                    factors.Add(new RiskFactor(FeatureSet.Names[i], Describe(i, m, details) + " (not weighted by the default model)", 0));
                }
            }
        }

        return factors;
    }

    private static bool IsSet(int index, ChangeMetrics m) => FeatureSet.Names[index] switch
    {
        "touches_deployment" => m.TouchesDeployment,
        "touches_pipeline" => m.TouchesPipeline,
        "touches_dependencies" => m.TouchesDependencies,
        "touches_migrations" => m.TouchesMigrations,
        "touches_configuration" => m.TouchesConfiguration,
        _ => false,
    };

    public static string Describe(int index, ChangeMetrics m, ChangeDetails d)
    {
        var c = CultureInfo.InvariantCulture;
        string N(double v) => v.ToString("#,0", c);
        string Files(double n) => n == 1 ? "1 file" : N(n) + " files";
        string Changes(double n) => n == 1 ? "1 earlier change" : N(n) + " earlier changes";
        var onlyNew = m.LT == 0 && m.NUC == 0;
        string First(IReadOnlyList<string> paths) => paths.Count == 0 ? "" : $" ({paths[0]}{(paths.Count > 1 ? $" and {paths.Count - 1} more" : "")})";
        return FeatureSet.Names[index] switch
        {
            "la" => m.NS > 1 ? $"adds {N(m.LA)} lines across {N(m.NS)} subsystems"
                : m.NF > 1 ? $"adds {N(m.LA)} lines across {Files(m.NF)}"
                : $"adds {N(m.LA)} lines",
            "ld" => $"deletes {N(m.LD)} lines",
            "ns" => m.NS == 1 ? "stays within one subsystem" : $"spans {N(m.NS)} subsystems (top-level folders)",
            "nd" => m.ND == 1 ? "stays within one directory" : $"touches {N(m.ND)} directories",
            "nf" => $"changes {Files(m.NF)}",
            "entropy" => m.NF <= 1 ? "concentrates the change in one file" : $"spreads the change over {Files(m.NF)} (entropy {m.Entropy.ToString("0.00", c)})",
            "lt" => m.LT == 0 ? "only adds new files" : $"touches files that had {N(m.LT)} lines before",
            "fix" => m.FIX > 0 ? "is a bug fix (fixes are often fixed again)" : "is not a bug fix",
            "ndev" => m.NDEV == 0 ? (onlyNew ? "only adds new files" : "touches no file other developers changed") : $"touches files changed by {N(m.NDEV)} developer{(m.NDEV == 1 ? "" : "s")} before",
            "age" => onlyNew ? "only adds new files"
                : m.AGE < 1 ? "touches files changed less than a day before"
                : $"touches files last changed {m.AGE.ToString(m.AGE < 10 ? "0.#" : "#,0", c)} days before on average",
            "nuc" => onlyNew ? "only adds new files" : m.NUC == 0 ? "touches no file with earlier changes" : $"touches files with {Changes(m.NUC)}",
            "exp" => m.EXP == 0 ? "first change by this author in this repository" : $"author has {Changes(m.EXP)} in this repository",
            "rexp" => m.REXP < 1 ? "author has little recent experience in this repository" : $"author has {m.REXP.ToString("#,0.#", c)} recent changes (weighted by age)",
            "sexp" => m.SEXP == 0 ? "first change by this author in this area" : $"author has {Changes(m.SEXP)} in this area",
            "recent_fixes" => m.RecentFixes == 0 ? "touches no file with bug-fixes in the last 90 days"
                : $"touches a file with {N(m.RecentFixes)} bug-fix{(m.RecentFixes == 1 ? "" : "es")} in the last 90 days{(d.MostFixedFile is null ? "" : $" ({d.MostFixedFile})")}",
            "touches_deployment" => m.TouchesDeployment ? $"modifies {PathSignals.DescribeDeployment(d.DeploymentFiles[0])}{First(d.DeploymentFiles)}" : "does not touch deployment files",
            "touches_pipeline" => m.TouchesPipeline ? $"modifies the CI pipeline{First(d.PipelineFiles)}" : "does not touch CI pipelines",
            "touches_dependencies" => m.TouchesDependencies ? $"changes dependencies or project files{First(d.DependencyFiles)}" : "does not change dependencies",
            "touches_migrations" => m.TouchesMigrations ? $"adds or changes a database migration{First(d.MigrationFiles)}" : "does not touch database migrations",
            "touches_configuration" => m.TouchesConfiguration ? $"changes configuration{First(d.ConfigurationFiles)}" : "does not change configuration",
            "test_share" => m.TestShare == 0 ? "changes no test files" : $"{(m.TestShare * 100).ToString("0", c)} % of the changed files are tests",
            var other => other,
        };
    }
}
