using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Cli.Tests;
using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Tests.Support;
using DevOpsLens.Tests.Shared;
using DevOpsLens.Workspace;
using Xunit;

namespace DevOpsLens.Parity.Tests;

/// <summary>
/// One rule, four surfaces: every vector case goes through the workspace scan (engine + in-process analyzers),
/// the CLI's JSON report and the language server's pull diagnostics, and each must give exactly the marked
/// (rule, file, span) set for the rules the case pins. The analyzer side (the Roslyn verifier on every C#
/// vector) is DevOpsLens.Analyzers.Tests' AnalyzerVectorTests.
/// </summary>
public sealed class SurfaceParityTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var id in VectorCaseSet.Ids())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void There_are_vectors_to_compare()
    {
        Assert.True(VectorCaseSet.Ids().Count() > 100, "expected the shared vectors under tests/vectors");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_surface_reports_exactly_the_marked_findings(string id)
    {
        var vectorCase = VectorCaseSet.Load(id);
        using var dir = new DevOpsLens.Cli.Tests.TempDir();
        // root = true keeps the machine's own .editorconfig files out of the comparison.
        dir.Write(".editorconfig", "root = true\n");
        foreach (var file in vectorCase.Files)
        {
            dir.Write(file.Path, file.Text);
        }

        var pinned = vectorCase.PinnedRules;
        var expected = Normalize(vectorCase.Files.SelectMany(f => f.Expected.Select(e => (e.RuleId, f.Path, e.Start, e.End))));

        var engine = await ScanAsync(dir.Path, pinned);
        var cli = await CliAsync(dir.Path, vectorCase, pinned);
        var lsp = await LanguageServerAsync(dir.Path, vectorCase, pinned);

        Same(expected, engine, "workspace scan");
        Same(expected, cli, "CLI JSON");
        Same(expected, lsp, "language server");
    }

    private static void Same(List<string> expected, List<string> actual, string surface)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(surface + " differs from the vector's markers.\nexpected: " + string.Join(", ", expected) + "\nactual:   " + string.Join(", ", actual));
        }
    }

    private static List<string> Normalize(IEnumerable<(string Rule, string Path, int Start, int End)> items) =>
        items.Select(i => $"{i.Rule} {i.Path} [{i.Start}..{i.End})").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

    private static async Task<List<string>> ScanAsync(string root, IReadOnlySet<string> pinned)
    {
        var workspace = new WorkspaceAnalyzer(root);
        var result = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        return Normalize(result.Findings.Where(f => pinned.Contains(f.RuleId)).Select(f => (f.RuleId, f.Path, f.Range.Start, f.Range.End)));
    }

    private static async Task<List<string>> CliAsync(string root, VectorCase vectorCase, IReadOnlySet<string> pinned)
    {
        var run = await CliRunner.RunAsync("check", root, "--format", "json", "--fail-on", "never", "--no-progress", "--no-baseline");
        Assert.True(run.ExitCode == 0, "exit " + run.ExitCode + ": " + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var items = new List<(string, string, int, int)>();
        foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
        {
            var rule = finding.GetProperty("ruleId").GetString()!;
            if (!pinned.Contains(rule))
            {
                continue;
            }

            var path = finding.GetProperty("path").GetString()!;
            var lines = LinesOf(vectorCase, path, root);
            var start = lines.GetOffset(new LinePosition(finding.GetProperty("startLine").GetInt32() - 1, finding.GetProperty("startColumn").GetInt32() - 1));
            var end = lines.GetOffset(new LinePosition(finding.GetProperty("endLine").GetInt32() - 1, finding.GetProperty("endColumn").GetInt32() - 1));
            items.Add((rule, ToCasePath(root, path), start, end));
        }

        return Normalize(items);
    }

    private static async Task<List<string>> LanguageServerAsync(string root, VectorCase vectorCase, IReadOnlySet<string> pinned)
    {
        await using var lsp = LspHarness.Start(analysis: r => WorkspaceAnalysisService.Create(r));
        await lsp.InitializeAsync(root, LspHarness.Capabilities(pull: true));
        var items = new List<(string, string, int, int)>();
        foreach (var file in vectorCase.Files)
        {
            var uri = new Uri(Path.Combine(root, file.Path)).AbsoluteUri;
            await lsp.OpenAsync(uri, file.Text);
            var report = await lsp.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspHarness.Doc(uri) });
            var lines = LineMap.Create(file.Text);
            foreach (var diagnostic in report.GetProperty("items").EnumerateArray())
            {
                var rule = diagnostic.GetProperty("code").GetString()!;
                if (!pinned.Contains(rule))
                {
                    continue;
                }

                var range = diagnostic.GetProperty("range");
                items.Add((rule, file.Path, Offset(lines, range.GetProperty("start")), Offset(lines, range.GetProperty("end"))));
            }
        }

        await lsp.ShutdownAndExitAsync();
        return Normalize(items);
    }

    private static int Offset(LineMap lines, JsonElement position) =>
        lines.GetOffset(new LinePosition(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32()));

    private static LineMap LinesOf(VectorCase vectorCase, string reportedPath, string root)
    {
        var casePath = ToCasePath(root, reportedPath);
        var file = vectorCase.Files.FirstOrDefault(f => f.Path == casePath);
        return LineMap.Create(file?.Text ?? File.ReadAllText(Path.Combine(root, casePath)));
    }

    /// <summary>The CLI reports paths relative to the folder it checks; the case's paths are relative to the case root.</summary>
    private static string ToCasePath(string root, string reported)
    {
        var full = Path.IsPathRooted(reported) ? reported : Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), reported));
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            return Path.GetRelativePath(root, full).Replace('\\', '/');
        }

        return reported;
    }
}
