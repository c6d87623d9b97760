using DevOpsLens.History.Model;
using DevOpsLens.History.Risk;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class TrainingTests
{
    /// <summary>
    /// 300 commits: every fourth commit adds a large block to a shared file, and a later "fix" commit rewrites
    /// one of its lines; the other commits append a line to their own file.
    /// </summary>
    private static (TestRepository Repo, List<string> Commits) History()
    {
        var t = new TestRepository();
        var commits = new List<string>();
        var shared = new List<string> { "start" };
        var pendingFix = new Queue<(int Due, string Line)>();
        for (var i = 0; i < 300; i++)
        {
            var day = i * 0.5;
            if (pendingFix.Count > 0 && pendingFix.Peek().Due <= i)
            {
                var (_, line) = pendingFix.Dequeue();
                shared[shared.IndexOf(line)] = line + " checked";
                commits.Add(t.Commit($"Fix wrong value {i}", "Carol", day, ("src/Shared.cs", string.Join("\n", shared) + "\n")));
                continue;
            }

            if (i % 4 == 0)
            {
                var block = Enumerable.Range(0, 40).Select(j => $"big {i}.{j}").ToList();
                shared.AddRange(block);
                pendingFix.Enqueue((i + 3, block[7]));
                commits.Add(t.Commit($"Add block {i}", "Dev" + (i % 7), day, ("src/Shared.cs", string.Join("\n", shared) + "\n")));
            }
            else
            {
                var path = $"lib/Small{i % 5}.cs";
                var current = File.Exists(Path.Combine(t.Root, path)) ? File.ReadAllText(Path.Combine(t.Root, path)) : "";
                commits.Add(t.Commit($"Tweak {i}", "Alice", day, (path, current + $"tweak {i}\n")));
            }
        }

        return (t, commits);
    }

    [Fact]
    public async Task Repository_model_is_trained_until_a_commit_and_then_used_for_scoring()
    {
        var (t, commits) = History();
        using (t)
        {
            var until = commits[259];
            var outcome = RiskTraining.TrainRepository(t.Root, until, null, new TrainingOptions { MinExamples = 150, MinPositives = 20 }, CancellationToken.None);

            Assert.True(outcome.Trained, outcome.Message);
            var card = outcome.Card!;
            Assert.Equal(until, card.LastCommit);
            Assert.True(card.Examples <= 260, card.Examples.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(card.Positives >= 20);
            Assert.True(File.Exists(Path.Combine(t.Root, ".devopslens", "risk-model.zip")));
            Assert.True(File.Exists(Path.Combine(t.Root, ".devopslens", "risk-model.card.json")));
            Assert.Contains("# DevOpsLens risk model card", File.ReadAllText(Path.Combine(t.Root, ".devopslens", "risk-model.card.md")));

            // A change like the planted bug-inducing ones scores above a change like the safe ones.
            var service = new ChangeRiskService();
            var risky = await service.ScoreAsync(ChangeRiskRequest.ForCommit(t.Root, commits[284]), CancellationToken.None);
            var safe = await service.ScoreAsync(ChangeRiskRequest.ForCommit(t.Root, commits[285]), CancellationToken.None);

            Assert.Equal("repository", risky.ModelSource);
            Assert.StartsWith("repository model (trained on", risky.ModelDescription, StringComparison.Ordinal);
            Assert.Contains("Add block", risky.Subject);
            Assert.Contains("Tweak", safe.Subject);
            Assert.True(risky.Score > safe.Score, $"{risky.Score} > {safe.Score}");
        }
    }

    [Fact]
    public void Short_history_trains_nothing_and_says_the_default_model_stays()
    {
        using var t = new TestRepository();
        t.Commit("one", "Alice", 0, ("a.cs", "1\n"));
        t.Commit("fix two", "Alice", 1, ("a.cs", "2\n"));

        var outcome = RiskTraining.TrainRepository(t.Root, null, null, new TrainingOptions(), CancellationToken.None);

        Assert.False(outcome.Trained);
        Assert.Contains("history too short to train", outcome.Message);
        Assert.Contains("default model (trained on public JIT data) stays in use", outcome.Message);
        Assert.False(File.Exists(Path.Combine(t.Root, ".devopslens", "risk-model.zip")));
    }

    [Fact]
    public void Commit_ranges_expand_oldest_first()
    {
        using var t = new TestRepository();
        var a = t.Commit("a", "Alice", 0, ("a.cs", "1\n"));
        var b = t.Commit("b", "Alice", 1, ("a.cs", "2\n"));
        var c = t.Commit("c", "Alice", 2, ("a.cs", "3\n"));

        var (range, error) = ChangeRiskService.ExpandCommits(t.Root, new[] { a[..8] + ".." + c[..8] });
        var (_, unknown) = ChangeRiskService.ExpandCommits(t.Root, new[] { "nope..HEAD" });

        Assert.Null(error);
        Assert.Equal(new[] { b, c }, range);
        Assert.Equal("unknown commit range 'nope..HEAD'", unknown);
    }
}
