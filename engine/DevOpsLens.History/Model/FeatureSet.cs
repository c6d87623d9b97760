using DevOpsLens.History.Risk;

namespace DevOpsLens.History.Model;

/// <summary>
/// The model's input: the 14 Kamei et al. metrics and the DevOps signals, transformed the way LApredict and
/// Kamei et al. do before modelling (log(1 + x) on the skewed counts). The order is part of the model format:
/// changing it means a new <see cref="SchemaVersion"/>, and older model files are then refused with a clear message.
/// </summary>
public static class FeatureSet
{
    public const int Count = 21;
    public const int SchemaVersion = 1;

    /// <summary>Features the public JIT data has; the other ones are constant zero in the default model.</summary>
    public const int KameiCount = 14;

    public static readonly IReadOnlyList<string> Names = new[]
    {
        "ns", "nd", "nf", "entropy", "la", "ld", "lt", "fix", "ndev", "age", "nuc", "exp", "rexp", "sexp",
        "recent_fixes", "touches_deployment", "touches_pipeline", "touches_dependencies", "touches_migrations",
        "touches_configuration", "test_share",
    };

    public static float[] Vectorize(ChangeMetrics m)
    {
        return new[]
        {
            Log(m.NS), Log(m.ND), Log(m.NF), (float)m.Entropy, Log(m.LA), Log(m.LD), Log(m.LT), (float)m.FIX,
            Log(m.NDEV), Log(m.AGE), Log(m.NUC), Log(m.EXP), Log(m.REXP), Log(m.SEXP),
            Log(m.RecentFixes), Flag(m.TouchesDeployment), Flag(m.TouchesPipeline), Flag(m.TouchesDependencies),
            Flag(m.TouchesMigrations), Flag(m.TouchesConfiguration), (float)m.TestShare,
        };
    }

    private static float Log(double value) => (float)Math.Log(1 + Math.Max(0, value));

    private static float Flag(bool value) => value ? 1f : 0f;
}
