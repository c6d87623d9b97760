using DevOpsLens.History.Labeling;
using DevOpsLens.History.Mining;
using DevOpsLens.History.Risk;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class MetricsTests
{
    /// <summary>Replays the mined history and measures every commit from the state before it.</summary>
    private static Dictionary<string, ChangeMetrics> MeasureAll(TestRepository t)
    {
        var mined = HistoryMiner.Mine(t.Repo, null, null, null, CancellationToken.None);
        var fixes = new FixClassifier(SzzOptions.Default);
        var state = new HistoryState();
        var result = new Dictionary<string, ChangeMetrics>();
        foreach (var record in mined.Commits)
        {
            var isFix = fixes.IsFix(record.Message);
            result[record.Id] = state.Measure(record.Files, record.Author, record.Time, isFix).Metrics;
            state.Apply(record, isFix);
        }

        return result;
    }

    [Fact]
    public void Kamei_metrics_match_hand_computed_values()
    {
        using var t = new TestRepository();
        var original = TestRepository.Lines("a", 10);
        t.Commit("Add parser and lib", "Alice", 0, ("src/a.cs", original), ("lib/b.cs", TestRepository.Lines("b", 5)));

        // Bob replaces lines 3-4 of a.cs with three lines (+3 -2) and adds a 4-line readme.
        var bobs = original.Replace("a3\na4\n", "x3\nx4\nx5\n", StringComparison.Ordinal);
        var c2 = t.Commit("Rework parser", "Bob", 2, ("src/a.cs", bobs), ("docs/readme.md", TestRepository.Lines("r", 4)));

        // Alice appends one line to a.cs (+1) and replaces b1 with two lines in b.cs (+2 -1).
        var c3 = t.Commit("Fix crash in parser", "Alice", 4,
            ("src/a.cs", bobs + "a11\n"),
            ("lib/b.cs", TestRepository.Lines("b", 5).Replace("b1\n", "y1\ny2\n", StringComparison.Ordinal)));

        var metrics = MeasureAll(t);

        var m2 = metrics[c2];
        Assert.Equal(2, m2.NS);
        Assert.Equal(2, m2.ND);
        Assert.Equal(2, m2.NF);
        Assert.Equal(7, m2.LA);
        Assert.Equal(2, m2.LD);
        Assert.Equal(10, m2.LT);
        Assert.Equal(0, m2.FIX);
        Assert.Equal(1, m2.NDEV);
        Assert.Equal(2, m2.AGE, 6);
        Assert.Equal(1, m2.NUC);
        Assert.Equal(0, m2.EXP);
        Assert.Equal(0, m2.SEXP);
        Assert.Equal(-(5.0 / 9 * Math.Log2(5.0 / 9) + 4.0 / 9 * Math.Log2(4.0 / 9)), m2.Entropy, 6);

        var m3 = metrics[c3];
        Assert.Equal(2, m3.NS);
        Assert.Equal(2, m3.ND);
        Assert.Equal(2, m3.NF);
        Assert.Equal(3, m3.LA);
        Assert.Equal(1, m3.LD);
        Assert.Equal(11 + 5, m3.LT);
        Assert.Equal(1, m3.FIX);
        Assert.Equal(2, m3.NDEV);
        Assert.Equal((2 + 4) / 2.0, m3.AGE, 6);
        Assert.Equal(2, m3.NUC);
        Assert.Equal(1, m3.EXP);
        Assert.Equal(1 / (1 + 4 / 365.25), m3.REXP, 6);
        Assert.Equal(1, m3.SEXP);
        Assert.Equal(0.811278, m3.Entropy, 5);
    }

    [Fact]
    public void DevOps_signals_and_test_share_come_from_the_changed_paths()
    {
        using var t = new TestRepository();
        t.Commit("init", "Alice", 0, ("src/app.cs", "x\n"));
        var c = t.Commit("deploy", "Alice", 1,
            ("k8s/deployment.yaml", "kind: Deployment\n"),
            (".github/workflows/ci.yml", "on: push\n"),
            ("src/App.csproj", "<Project />\n"),
            ("src/Migrations/20240101_Init.cs", "class M {}\n"),
            ("src/appsettings.json", "{}\n"),
            ("tests/AppTests.cs", "class T {}\n"));

        var m = MeasureAll(t)[c];

        Assert.True(m.TouchesDeployment);
        Assert.True(m.TouchesPipeline);
        Assert.True(m.TouchesDependencies);
        Assert.True(m.TouchesMigrations);
        Assert.True(m.TouchesConfiguration);
        Assert.Equal(1.0 / 6, m.TestShare, 6);
    }

    [Fact]
    public void Plain_source_change_sets_no_devops_signal()
    {
        using var t = new TestRepository();
        t.Commit("init", "Alice", 0, ("src/app.cs", "x\n"));
        var c = t.Commit("more", "Alice", 1, ("src/app.cs", "x\ny\n"), ("src/Models/Order.cs", "class O {}\n"));

        var m = MeasureAll(t)[c];

        Assert.False(m.TouchesDeployment || m.TouchesPipeline || m.TouchesDependencies || m.TouchesMigrations || m.TouchesConfiguration);
        Assert.Equal(0, m.TestShare);
    }

    [Fact]
    public void Recent_fixes_count_bug_fixes_to_a_file_in_the_last_90_days()
    {
        using var t = new TestRepository();
        t.Commit("init", "Alice", 0, ("src/a.cs", "1\n"));
        t.Commit("fix bug one", "Alice", 1, ("src/a.cs", "1\n2\n"));
        t.Commit("fix bug two", "Alice", 2, ("src/a.cs", "1\n2\n3\n"));
        t.Commit("fix an old bug", "Alice", 3, ("src/b.cs", "1\n"));
        var c = t.Commit("feature", "Bob", 100, ("src/a.cs", "1\n2\n3\n4\n"));

        var metrics = MeasureAll(t);

        // Day 100: both fixes of a.cs are more than 90 days old.
        Assert.Equal(0, metrics[c].RecentFixes);

        // Day 10: the two fixes of a.cs count; the fix of b.cs does not.
        Assert.Equal(2, MeasureRecentFixesAt(t, 10));
    }

    private static double MeasureRecentFixesAt(TestRepository t, double day)
    {
        var mined = HistoryMiner.Mine(t.Repo, null, null, null, CancellationToken.None);
        var fixes = new FixClassifier(SzzOptions.Default);
        var state = new HistoryState();
        foreach (var record in mined.Commits.Take(4))
        {
            state.Apply(record, fixes.IsFix(record.Message));
        }

        var when = TestRepository.Start.AddDays(day).ToUnixTimeSeconds();
        return state.Measure(new[] { new FileChange { Path = "src/a.cs", Added = 1 } }, "bob@example.com", when, false).Metrics.RecentFixes;
    }

    [Fact]
    public void Renamed_file_keeps_its_history()
    {
        using var t = new TestRepository();
        var content = TestRepository.Lines("line", 30);
        t.Commit("init", "Alice", 0, ("src/old.cs", content));
        t.Commit("move", "Alice", 1, ("src/old.cs", null), ("src/new.cs", content));
        var c = t.Commit("edit", "Bob", 3, ("src/new.cs", content + "more\n"));

        var m = MeasureAll(t)[c];

        Assert.Equal(30, m.LT);
        Assert.Equal(2, m.NUC);
        Assert.Equal(1, m.NDEV);
    }
}
