using System.Diagnostics;
using DevOpsLens.History.Model;
using DevOpsLens.History.Risk;
using LibGit2Sharp;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class ChangeRiskServiceTests
{
    private static readonly ChangeRiskService Service = new();

    private static TestRepository SmallHistory()
    {
        var t = new TestRepository();
        t.Commit("Add api", "Alice", 0, ("api/Orders.cs", TestRepository.Lines("o", 40)), ("k8s/deployment.yaml", "kind: Deployment\n"));
        t.Commit("Add worker", "Alice", 1, ("worker/Job.cs", TestRepository.Lines("j", 30)));
        return t;
    }

    [Fact]
    public async Task Working_change_is_scored_with_plain_words_factors()
    {
        using var t = SmallHistory();
        t.Write("api/Orders.cs", TestRepository.Lines("o", 40) + TestRepository.Lines("n", 400));
        t.Write("worker/Job.cs", TestRepository.Lines("j", 30) + TestRepository.Lines("n", 200));
        t.Write("web/Page.cs", TestRepository.Lines("p", 40));
        t.Write("k8s/deployment.yaml", "kind: Deployment\nspec: {}\n");

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.Equal(ChangeRiskOutcome.Scored, result.Outcome);
        Assert.True(result.ModelAvailable);
        Assert.Equal("default", result.ModelSource);
        Assert.Equal(ResolvedModel.DefaultDescription, result.ModelDescription);
        Assert.InRange(result.Score, 1, 100);
        Assert.Equal(4, result.Files.Count);
        Assert.Equal(641, result.Metrics.LA);
        Assert.Equal(4, result.Metrics.NS);
        Assert.True(result.Metrics.TouchesDeployment);
        var la = Assert.Single(result.Factors, f => f.Name.Split('+').Contains("la"));
        Assert.Equal("adds 641 lines across 4 subsystems", la.Description);
        Assert.True(la.Contribution > 0);
        Assert.Contains(result.Factors, f => f.Description.StartsWith("modifies the Kubernetes deployment (k8s/deployment.yaml)", StringComparison.Ordinal));
        Assert.Equal(result.Files.OrderByDescending(f => f.Score).Select(f => f.Path), result.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Bigger_change_scores_higher_than_a_one_line_change()
    {
        using var small = SmallHistory();
        small.Write("api/Orders.cs", TestRepository.Lines("o", 40) + "x\n");
        using var big = SmallHistory();
        big.Write("api/Orders.cs", TestRepository.Lines("o", 20) + TestRepository.Lines("n", 900));
        big.Write("worker/Job.cs", TestRepository.Lines("n", 500));

        var smallScore = (await Service.ScoreWorkingChangeAsync(small.Root, CancellationToken.None)).Score;
        var bigScore = (await Service.ScoreWorkingChangeAsync(big.Root, CancellationToken.None)).Score;

        Assert.True(bigScore > smallScore, $"{bigScore} > {smallScore}");
    }

    [Fact]
    public async Task Clean_working_tree_has_nothing_to_score()
    {
        using var t = SmallHistory();

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.True(result.IsEmpty);
        Assert.Equal(ChangeRiskOutcome.NothingToScore, result.Outcome);
        Assert.Equal(0, result.Score);
        Assert.Contains("nothing to score", result.Message);
    }

    [Fact]
    public async Task Staged_scores_only_the_index()
    {
        using var t = SmallHistory();
        t.Write("api/Orders.cs", TestRepository.Lines("o", 41));
        Commands.Stage(t.Repo, "api/Orders.cs");
        t.Write("worker/Job.cs", TestRepository.Lines("j", 31));

        var result = await Service.ScoreAsync(ChangeRiskRequest.Staged(t.Root), CancellationToken.None);

        Assert.Equal(new[] { "api/Orders.cs" }, result.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Past_commit_is_scored_with_the_history_before_it()
    {
        using var t = SmallHistory();
        var target = t.Commit("Change orders", "Bob", 2, ("api/Orders.cs", TestRepository.Lines("o", 45)));
        t.Commit("Change orders again", "Bob", 3, ("api/Orders.cs", TestRepository.Lines("o", 50)));

        var result = await Service.ScoreAsync(ChangeRiskRequest.ForCommit(t.Root, target), CancellationToken.None);

        Assert.True(result.ModelAvailable);
        Assert.StartsWith("commit " + target[..7], result.Subject, StringComparison.Ordinal);
        Assert.Equal(5, result.Metrics.LA);
        Assert.Equal(0, result.Metrics.EXP);
        Assert.Equal(1, result.Metrics.NUC);
    }

    [Fact]
    public async Task Branch_is_scored_against_its_merge_base()
    {
        using var t = SmallHistory();
        var main = t.Repo.Head.FriendlyName;
        Commands.Checkout(t.Repo, t.Repo.CreateBranch("feature"));
        t.Commit("feature one", "Bob", 2, ("api/Orders.cs", TestRepository.Lines("o", 42)));
        t.Commit("feature two", "Bob", 3, ("web/Page.cs", TestRepository.Lines("p", 10)));

        var result = await Service.ScoreAsync(ChangeRiskRequest.Range(t.Root, main, "feature"), CancellationToken.None);

        Assert.Equal(new[] { "api/Orders.cs", "web/Page.cs" }, result.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(12, result.Metrics.LA);
    }

    [Fact]
    public async Task Unknown_commit_is_reported()
    {
        using var t = SmallHistory();

        var result = await Service.ScoreAsync(ChangeRiskRequest.ForCommit(t.Root, "no-such-ref"), CancellationToken.None);

        Assert.Equal(ChangeRiskOutcome.UnknownRevision, result.Outcome);
        Assert.Contains("unknown commit 'no-such-ref'", result.Message);
    }

    [Fact]
    public async Task Folder_outside_git_gives_a_clear_message()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dl-nogit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var result = await Service.ScoreWorkingChangeAsync(dir, CancellationToken.None);

            Assert.Equal(ChangeRiskOutcome.NotARepository, result.Outcome);
            Assert.Equal(0, result.Score);
            Assert.Contains("not inside a git repository", result.Message);
        }
        finally
        {
            TestRepository.DeleteTree(dir);
        }
    }

    [Fact]
    public async Task Repository_with_one_commit_is_scored()
    {
        using var t = new TestRepository();
        t.Commit("initial", "Alice", 0, ("a.cs", "1\n"));
        t.Write("a.cs", "1\n2\n");

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.True(result.ModelAvailable);
        Assert.Single(result.Files);
        Assert.Null(result.Message);
    }

    [Fact]
    public async Task Repository_without_commits_scores_new_files()
    {
        using var t = new TestRepository();
        t.Write("a.cs", "1\n2\n");

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.Contains("no commits yet", result.Subject);
        Assert.Single(result.Files);
    }

    [Fact]
    public async Task Detached_head_is_scored()
    {
        using var t = SmallHistory();
        var first = t.Repo.Commits.Last();
        Commands.Checkout(t.Repo, first);
        t.Write("api/Orders.cs", TestRepository.Lines("o", 41));

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.True(t.Repo.Info.IsHeadDetached);
        Assert.Contains("detached", result.Subject);
        Assert.Single(result.Files);
        Assert.True(result.ModelAvailable);
    }

    [Fact]
    public async Task Shallow_clone_is_scored_with_a_warning()
    {
        using var t = SmallHistory();
        t.Commit("third", "Bob", 2, ("api/Orders.cs", TestRepository.Lines("o", 44)));
        var clone = Path.Combine(Path.GetTempPath(), "dl-shallow-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            RunGit($"clone --quiet --depth 1 file://{t.Root} {clone}");
            File.AppendAllText(Path.Combine(clone, "api", "Orders.cs"), "x\n");

            var result = await Service.ScoreWorkingChangeAsync(clone, CancellationToken.None);

            Assert.True(result.ModelAvailable);
            Assert.Contains("shallow clone", result.Message);
            Assert.Single(result.Files);
        }
        finally
        {
            TestRepository.DeleteTree(clone);
        }
    }

    [Fact]
    public async Task Corrupt_model_file_falls_back_to_the_default_model()
    {
        using var t = SmallHistory();
        t.Write(".devopslens/risk-model.zip", "this is not a zip file");
        t.Write("api/Orders.cs", TestRepository.Lines("o", 41));

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.True(result.ModelAvailable);
        Assert.Equal("default", result.ModelSource);
        Assert.Contains(".devopslens/risk-model.zip could not be used", result.Message);
        Assert.Contains("using the default model (trained on public JIT data)", result.Message);
        Assert.Single(result.Files);
    }

    [Fact]
    public async Task Missing_objects_are_reported_not_thrown()
    {
        using var t = new TestRepository();
        t.Commit("one", "Alice", 0, ("a.cs", "unique content of the first version\n"));
        t.Commit("two", "Alice", 1, ("a.cs", "second version\n"));
        var blob = t.Repo.Commits.Last()["a.cs"].Target.Sha;
        var objectFile = Path.Combine(t.Root, ".git", "objects", blob[..2], blob[2..]);
        File.SetAttributes(objectFile, FileAttributes.Normal);
        File.Delete(objectFile);
        t.Write("a.cs", "third version\n");

        var result = await Service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.NotNull(result.Message);
        Assert.Contains("could not be read", result.Message);
    }

    [Fact]
    public async Task Second_request_on_the_same_head_reuses_the_replayed_history()
    {
        using var t = SmallHistory();
        t.Write("api/Orders.cs", TestRepository.Lines("o", 41));
        var service = new ChangeRiskService();
        var first = await service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        // Remove the cache: a warm service must not need it for the same HEAD.
        TestRepository.DeleteTree(t.CacheDirectory);
        var second = await service.ScoreWorkingChangeAsync(t.Root, CancellationToken.None);

        Assert.Equal(first.Score, second.Score);
        Assert.False(Directory.Exists(t.CacheDirectory));
    }

    private static void RunGit(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
