using System.CommandLine;
using DevOpsLens.Cli.Git;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary>
/// <c>devopslens baseline</c>: accept today's findings so CI only fails on new ones. Writes
/// .devopslens/baseline.json (sorted, no line numbers or timestamps) from a scan that ignores the old baseline.
/// Tool findings (DL9xxx: unreadable files, bad configuration) are never baselined: they need fixing, not accepting.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var scan = new ScanOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the baseline (default: .devopslens/baseline.json in the repository root)." };
        var command = new Command("baseline", "Write .devopslens/baseline.json with the current findings, so that only new findings fail CI.");
        scan.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (root, request) = scan.Resolve(parse);
                var workspace = new WorkspaceAnalyzer(root);
                var result = await workspace.ScanAsync(new ScanRequest { Paths = request.Paths, Include = request.Include, Exclude = request.Exclude, MaxFileSize = request.MaxFileSize, UseBaseline = false }, null, cancellationToken);
                var accepted = result.Findings.Where(f => f.Rule.Category != "Tooling").ToList();
                var target = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(root, Baseline.DefaultPath);
                var baseline = Merge(Baseline.FromFindings(accepted), target, root, request);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, baseline.ToJson(), new System.Text.UTF8Encoding(false), cancellationToken);
                await Terminal.Out(parse).WriteLineAsync("Wrote " + Output.Report.Plural(baseline.Entries.Count, "finding") + " to " + Path.GetRelativePath(Directory.GetCurrentDirectory(), target).Replace('\\', '/') + ".");
                return ExitCodes.Success;
            }
            catch (UsageException ex)
            {
                await Terminal.Error(parse).WriteLineAsync("devopslens baseline: " + ex.Message);
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    /// <summary>
    /// A baseline for part of the repository (paths, --include, --exclude) replaces only that part: entries of the
    /// existing baseline for files the scan did not cover are kept, so baselining one service never forgets another's.
    /// </summary>
    private static Baseline Merge(Baseline scanned, string target, string root, ScanRequest request)
    {
        if ((request.Paths.Count == 0 && request.Include.Count == 0 && request.Exclude.Count == 0) || !File.Exists(target))
        {
            return scanned;
        }

        var existing = Baseline.Parse(target, File.ReadAllText(target), out var problem);
        if (problem != null)
        {
            throw new UsageException($"cannot merge into {target}: {problem.Message}");
        }

        var scopes = request.Paths.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/').TrimEnd('/')).ToList();
        var filter = new PathFilter(request.Include, request.Exclude);
        bool Covered(string path) =>
            (scopes.Count == 0 || scopes.Any(s => path == s || path.StartsWith(s + "/", StringComparison.Ordinal))) && filter.IsIncluded(path);
        return Baseline.Create(existing.Entries.Where(e => !Covered(e.Path)).Concat(scanned.Entries));
    }
}
