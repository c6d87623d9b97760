using System.Diagnostics;
using System.Text.Json;
using LibGit2Sharp;
using Xunit;

namespace DevOpsLens.Cli.Tests;

/// <summary>Runs the built <c>devopslens</c> tool on real temporary repositories and checks exit codes and output.</summary>
public sealed class RiskCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dl-risk-cli-" + Guid.NewGuid().ToString("N")[..10]);

    public RiskCommandTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not make a test wrong.
        }
    }

    private string RepositoryWithBigChange()
    {
        var path = Path.Combine(_root, "repo");
        Directory.CreateDirectory(path);
        Repository.Init(path);
        using var repo = new Repository(path);
        Directory.CreateDirectory(Path.Combine(path, "src"));
        File.WriteAllText(Path.Combine(path, "src", "Orders.cs"), string.Concat(Enumerable.Range(0, 20).Select(i => $"line {i}\n")));
        LibGit2Sharp.Commands.Stage(repo, "*");
        var who = new Signature("Alice", "alice@example.com", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        repo.Commit("initial", who, who);
        File.AppendAllText(Path.Combine(path, "src", "Orders.cs"), string.Concat(Enumerable.Range(0, 700).Select(i => $"added {i}\n")));
        Directory.CreateDirectory(Path.Combine(path, "k8s"));
        File.WriteAllText(Path.Combine(path, "k8s", "deployment.yaml"), "kind: Deployment\n");
        return path;
    }

    [Fact]
    public void Score_above_the_gate_exits_with_1()
    {
        var repo = RepositoryWithBigChange();

        var (exit, stdout, _) = Run("risk", "--repo", repo, "--fail-above", "0");

        Assert.Equal(1, exit);
        Assert.Contains("Gate: FAILED (above 0)", stdout);
        Assert.Contains("default model (trained on public JIT data)", stdout);
    }

    [Fact]
    public void Score_at_or_under_the_gate_exits_with_0()
    {
        var repo = RepositoryWithBigChange();

        var (exit, stdout, _) = Run("risk", "--repo", repo, "--fail-above", "100");

        Assert.Equal(0, exit);
        Assert.Contains("Gate: passed", stdout);
    }

    [Fact]
    public void The_gate_configured_in_editorconfig_applies_and_the_flag_overrides_it()
    {
        var repo = RepositoryWithBigChange();
        File.WriteAllText(Path.Combine(repo, ".editorconfig"), "root = true\n[*]\ndevopslens.DL3100.fail_above = 0\n");

        var (configured, stdout, _) = Run("risk", "--repo", repo);
        var (overridden, _, _) = Run("risk", "--repo", repo, "--fail-above", "100");

        Assert.Equal(1, configured);
        Assert.Contains("Gate: FAILED (above 0)", stdout);
        Assert.Equal(0, overridden);
    }

    [Fact]
    public void A_configured_gate_is_off_when_the_rule_is_off_and_a_bad_value_is_reported_not_used()
    {
        var repo = RepositoryWithBigChange();
        File.WriteAllText(Path.Combine(repo, ".editorconfig"), "root = true\n[*]\ndevopslens.DL3100.fail_above = 0\ndotnet_diagnostic.DL3100.severity = none\n");
        var (off, offOut, _) = Run("risk", "--repo", repo);

        File.WriteAllText(Path.Combine(repo, ".editorconfig"), "root = true\n[*]\ndevopslens.DL3100.fail_above = high\n");
        var (bad, badOut, badErr) = Run("risk", "--repo", repo);

        Assert.Equal(0, off);
        Assert.DoesNotContain("Gate:", offOut);
        Assert.Equal(0, bad);
        Assert.DoesNotContain("Gate:", badOut);
        Assert.Contains("devopslens.DL3100.fail_above = 'high'", badErr);
    }

    [Fact]
    public void Gate_outside_0_to_100_is_a_usage_error()
    {
        var repo = RepositoryWithBigChange();

        var (exit, _, stderr) = Run("risk", "--repo", repo, "--fail-above", "101");

        Assert.Equal(2, exit);
        Assert.Contains("--fail-above", stderr);
    }

    [Fact]
    public void Folder_without_git_is_a_usage_error_with_a_message()
    {
        var (exit, _, stderr) = Run("risk", "--repo", _root);

        Assert.Equal(2, exit);
        Assert.Contains("not inside a git repository", stderr);
    }

    [Fact]
    public void Json_report_carries_score_factors_and_gate()
    {
        var repo = RepositoryWithBigChange();

        var (exit, stdout, _) = Run("risk", "--repo", repo, "--format", "json", "--fail-above", "0");
        using var json = JsonDocument.Parse(stdout);
        var result = json.RootElement.GetProperty("results")[0];

        Assert.Equal(1, exit);
        Assert.True(json.RootElement.GetProperty("failed").GetBoolean());
        Assert.InRange(result.GetProperty("score").GetInt32(), 1, 100);
        Assert.Equal("default", result.GetProperty("modelSource").GetString());
        Assert.Contains(result.GetProperty("factors").EnumerateArray(), f => f.GetProperty("description").GetString() == "adds 701 lines across 2 subsystems");
    }

    [Fact]
    public void Sarif_report_has_a_DL3100_result_when_the_gate_fails()
    {
        var repo = RepositoryWithBigChange();

        var (_, stdout, _) = Run("risk", "--repo", repo, "--format", "sarif", "--fail-above", "0");
        using var sarif = JsonDocument.Parse(stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());

        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal("DL3100", result.GetProperty("ruleId").GetString());
        Assert.Equal("src/Orders.cs", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Markdown_report_is_a_summary_table()
    {
        var repo = RepositoryWithBigChange();

        var (exit, stdout, _) = Run("risk", "--repo", repo, "--format", "markdown");

        Assert.Equal(0, exit);
        Assert.StartsWith("### DevOpsLens change risk: ", stdout, StringComparison.Ordinal);
        Assert.Contains("| points | why |", stdout);
        Assert.Contains("modifies the Kubernetes deployment (k8s/deployment.yaml)", stdout);
    }

    [Fact]
    public void Train_on_a_short_history_keeps_the_default_model()
    {
        var repo = RepositoryWithBigChange();

        var (exit, _, stderr) = Run("train", "--repo", repo);

        Assert.Equal(0, exit);
        Assert.Contains("history too short to train", stderr);
        Assert.False(File.Exists(Path.Combine(repo, ".devopslens", "risk-model.zip")));
    }

    [Fact]
    public void Evaluate_on_jit_data_prints_every_method_with_intervals()
    {
        var data = Path.Combine(_root, "jit");
        Directory.CreateDirectory(data);
        var random = new Random(11);
        var rows = new List<string> { ",_id,date,bug,__,ns,nd,nf,entrophy,la,ld,lt,fix,ndev,age,nuc,exp,rexp,sexp" };
        for (var i = 0; i < 600; i++)
        {
            var la = (int)Math.Exp(random.NextDouble() * 6);
            var bug = random.NextDouble() < la / 500.0 + 0.05 ? 1 : 0;
            rows.Add($"{i},c{i},{1500000000 + i * 3600},{bug},0,1,1,{1 + la / 100},0.5,{la},{la / 3},{la * 4},0,{random.Next(1, 9)},{random.Next(1, 90)},{random.Next(1, 40)},{random.Next(0, 300)},{random.Next(0, 50)},{random.Next(0, 100)}");
        }

        File.WriteAllLines(Path.Combine(data, "lapredict_demo.csv"), rows);

        var (exit, stdout, _) = Run("risk", "evaluate", "--jit-data", data, "--format", "json", "--resamples", "20", "--gap-days", "1");
        using var json = JsonDocument.Parse(stdout);
        var project = json.RootElement.GetProperty("projects")[0];
        var methods = project.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToArray();

        Assert.Equal(0, exit);
        Assert.Equal("demo", project.GetProperty("project").GetString());
        Assert.Equal(120, project.GetProperty("testCount").GetInt32());
        Assert.Equal(new[] { "DevOpsLens model", "LA-only logistic regression (LApredict)", "14-metric logistic regression", "smallest change first" }, methods);
        var auc = project.GetProperty("methods")[0].GetProperty("auc");
        Assert.InRange(auc.GetProperty("value").GetDouble(), auc.GetProperty("low").GetDouble(), auc.GetProperty("high").GetDouble());
    }

    [Fact]
    public void Evaluate_outside_git_is_a_usage_error()
    {
        var (exit, _, stderr) = Run("risk", "evaluate", "--repo", _root);

        Assert.Equal(2, exit);
        Assert.Contains("not inside a git repository", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "devopslens.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
