using DevOpsLens.History.Mining;
using LibGit2Sharp;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class CacheTests
{
    [Fact]
    public void Second_run_mines_no_old_commit_and_a_new_commit_only_once()
    {
        using var t = new TestRepository();
        for (var i = 0; i < 5; i++)
        {
            t.Commit($"change {i}", "Alice", i, ("a.cs", TestRepository.Lines("x", i + 1)));
        }

        var first = HistoryMiner.Mine(t.Repo, null, t.CacheDirectory, null, CancellationToken.None);
        var second = HistoryMiner.Mine(t.Repo, null, t.CacheDirectory, null, CancellationToken.None);
        t.Commit("change 5", "Bob", 6, ("a.cs", TestRepository.Lines("x", 7)));
        var third = HistoryMiner.Mine(t.Repo, null, t.CacheDirectory, null, CancellationToken.None);

        Assert.Equal(5, first.NewlyMined);
        Assert.Equal(0, second.NewlyMined);
        Assert.Equal(1, third.NewlyMined);
        Assert.Equal(6, third.Commits.Count);
        Assert.Equal(
            first.Commits.Select(c => (c.Id, c.LinesChanged)),
            second.Commits.Select(c => (c.Id, c.LinesChanged)));
    }

    [Fact]
    public void Torn_cache_line_is_ignored_and_that_commit_mined_again()
    {
        using var t = new TestRepository();
        t.Commit("one", "Alice", 0, ("a.cs", "1\n"));
        t.Commit("two", "Alice", 1, ("a.cs", "1\n2\n"));
        HistoryMiner.Mine(t.Repo, null, t.CacheDirectory, null, CancellationToken.None);
        var file = Path.Combine(t.CacheDirectory, HistoryCache.HistoryFileName);
        var lines = File.ReadAllLines(file);
        File.WriteAllLines(file, new[] { lines[0], lines[1][..(lines[1].Length / 2)] });

        var again = HistoryMiner.Mine(t.Repo, null, t.CacheDirectory, null, CancellationToken.None);

        Assert.Equal(1, again.NewlyMined);
        Assert.Equal(2, again.Commits.Count);
        Assert.Equal(1, again.Commits[1].LinesChanged);
    }

    [Fact]
    public void Merge_commits_are_recorded_without_files()
    {
        using var t = new TestRepository();
        t.Commit("base", "Alice", 0, ("a.cs", "1\n"));
        var main = t.Repo.Head;
        var branch = t.Repo.CreateBranch("feature");
        Commands.Checkout(t.Repo, branch);
        t.Commit("feature work", "Bob", 1, ("b.cs", "1\n"));
        Commands.Checkout(t.Repo, t.Repo.Branches[main.FriendlyName]);
        t.Commit("main work", "Alice", 2, ("c.cs", "1\n"));
        var signature = new Signature("Alice", "alice@example.com", TestRepository.Start.AddDays(3));
        var merge = t.Repo.Merge(branch, signature, new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward });

        var mined = HistoryMiner.Mine(t.Repo, null, null, null, CancellationToken.None);
        var record = mined.Commits.Single(c => c.Id == merge.Commit.Sha);

        Assert.True(record.IsMerge);
        Assert.Empty(record.Files);
        Assert.Equal(4, mined.Commits.Count);
    }
}
