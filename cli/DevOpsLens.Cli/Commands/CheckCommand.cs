using System.CommandLine;
using DevOpsLens.Cli.Git;
using DevOpsLens.Cli.Output;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary><c>devopslens check [paths]</c>: scan, report in the chosen format, and gate on severity.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var scan = new ScanOptions();
        var format = new Option<string>("--format", "-f") { Description = "Report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportWriters.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when an unsuppressed finding has at least this severity.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var minConfidence = new Option<string>("--min-confidence") { Description = "Report only rules with at least this confidence.", DefaultValueFactory = _ => "low" };
        minConfidence.AcceptOnlyFromAmong("low", "medium", "high");
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file (default: .devopslens/baseline.json when it exists)." };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Ignore the baseline: report accepted findings as new." };
        var diff = new Option<string?>("--diff") { Description = "Only report findings on lines the working tree adds compared with BASE (its merge base with HEAD)." };
        var staged = new Option<bool>("--staged") { Description = "Check the staged changes (index against HEAD), for a pre-commit hook." };
        var history = new Option<bool>("--history") { Description = "Check every blob in the git history for secrets, reporting where each first appeared." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show progress on standard error." };
        var skipCompilation = new Option<bool>("--skip-compilation")
        {
            Description = "Do not compile C# in-process: C# files get only the text rules (DL1001-DL1004). For pipelines whose dotnet build already runs the DevOpsLens analyzers.",
        };

        var command = new Command("check", "Check files for hard-coded secrets, missing instrumentation and risky deployment settings.");
        scan.AddTo(command);
        var risk = new Option<bool>("--risk") { Description = "Also show the predicted risk of the pending change (uncommitted work, or the last commit on a clean tree); text and markdown only." };
        foreach (var option in new Option[] { format, output, failOn, minConfidence, baseline, noBaseline, diff, staged, history, noProgress, skipCompilation, risk })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (root, request) = scan.Resolve(parse);
                var modes = (parse.GetValue(diff) != null ? 1 : 0) + (parse.GetValue(staged) ? 1 : 0) + (parse.GetValue(history) ? 1 : 0);
                if (modes > 1)
                {
                    throw new UsageException("--diff, --staged and --history cannot be combined");
                }

                if (parse.GetValue(noBaseline) && parse.GetValue(baseline) != null)
                {
                    throw new UsageException("--baseline and --no-baseline cannot be combined");
                }

                request = new ScanRequest
                {
                    Paths = request.Paths,
                    Include = request.Include,
                    Exclude = request.Exclude,
                    MaxFileSize = request.MaxFileSize,
                    UseBaseline = !parse.GetValue(noBaseline),
                    BaselinePath = parse.GetValue(baseline) is { } b ? Path.GetFullPath(b) : null,
                };

                var formatName = parse.GetValue(format) ?? "text";
                if (parse.GetValue(risk) && !CheckRisk.Formats.Contains(formatName))
                {
                    throw new UsageException("--risk goes with --format text or markdown; use 'devopslens risk --format " + formatName + "' for a machine-readable risk report");
                }

                EngineWarmUp.Start(formatName);
                var workspace = new WorkspaceAnalyzer(root, parse.GetValue(skipCompilation) ? new WorkspaceOptions { Analyzers = [] } : null);
                ScanResult result;
                using (var progress = Terminal.ShowProgress(parse, parse.GetValue(noProgress)) ? new ConsoleProgress(Terminal.Error(parse)) : null)
                {
                    result = parse.GetValue(diff) is { } baseRevision ? await GitScopes.DiffAsync(workspace, baseRevision, request, progress, cancellationToken)
                        : parse.GetValue(staged) ? await GitScopes.StagedAsync(workspace, request, cancellationToken)
                        : parse.GetValue(history) ? await GitScopes.HistoryAsync(workspace, request, progress, cancellationToken)
                        : await workspace.ScanAsync(request, progress, cancellationToken);
                }

                var confidence = ParseConfidence(parse.GetValue(minConfidence));
                var findings = result.Findings.Where(f => f.Rule.Confidence >= confidence).ToList();
                var report = new Report(findings, result.FilesChecked, result.FilesSkipped);
                var writer = ReportWriters.Create(formatName, Terminal.UseColor(parse) && parse.GetValue(output) == null);
                var riskSection = parse.GetValue(risk) ? await CheckRisk.RenderAsync(request.Paths.Count > 0 ? Path.GetFullPath(request.Paths[0], root) : root, formatName, cancellationToken) : null;
                Terminal.WriteTo(parse, parse.GetValue(output), w =>
                {
                    writer.Write(report, w);
                    if (riskSection != null)
                    {
                        w.WriteLine();
                        w.Write(riskSection);
                    }
                });
                return FailsGate(findings, parse.GetValue(failOn) ?? "error") ? ExitCodes.Findings : ExitCodes.Success;
            }
            catch (UsageException ex)
            {
                await Terminal.Error(parse).WriteLineAsync("devopslens check: " + ex.Message);
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    public static bool FailsGate(IEnumerable<Finding> findings, string failOn)
    {
        if (failOn == "never")
        {
            return false;
        }

        var threshold = failOn switch
        {
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            _ => Severity.Error,
        };
        return findings.Any(f => !f.IsSuppressed && f.Severity >= threshold);
    }

    private static Confidence ParseConfidence(string? value) => value switch
    {
        "high" => Confidence.High,
        "medium" => Confidence.Medium,
        _ => Confidence.Low,
    };
}
