using System.CommandLine;
using System.Text;
using DevOpsLens.Cli.Git;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary>
/// <c>devopslens fix [paths] [--rule DLxxxx] [--dry-run]</c>: applies the engine's mechanical fixes (the same ones
/// the language server offers as code actions) to the findings of a scan. Suppressed and baselined findings are
/// left alone. With --dry-run nothing is written and the exit code is 1 when something would change.
/// </summary>
internal static class FixCommand
{
    public static Command Create()
    {
        var scan = new ScanOptions();
        var rules = new Option<string[]>("--rule", "-r")
        {
            Description = "Only fix findings of this rule (repeatable or comma-separated), e.g. --rule DL3033.",
            AllowMultipleArgumentsPerToken = false,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the fixes without writing files; exit with 1 when any would apply." };

        var command = new Command("fix", "Apply mechanical fixes: resources skeletons, a non-root USER, least-privilege workflow permissions.");
        scan.AddTo(command);
        command.Options.Add(rules);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (root, request) = scan.Resolve(parse);
                var wanted = (parse.GetValue(rules) ?? [])
                    .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(r => r.ToUpperInvariant())
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var id in wanted)
                {
                    if (!Engine.Catalog.RuleCatalog.All.Any(r => r.Id == id))
                    {
                        throw new UsageException("--rule: unknown rule '" + id + "'");
                    }
                }

                var workspace = new WorkspaceAnalyzer(root);
                var fixable = workspace.Rules.FixProviders.SelectMany(p => p.FixableRuleIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var result = await workspace.ScanAsync(request, progress: null, cancellationToken);
                var candidates = result.Findings
                    .Where(f => !f.IsSuppressed && fixable.Contains(f.RuleId) && (wanted.Count == 0 || wanted.Contains(f.RuleId)))
                    .GroupBy(f => f.Path, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal);

                var dry = parse.GetValue(dryRun);
                var output = Terminal.Out(parse);
                var fixedCount = 0;
                var files = 0;
                foreach (var group in candidates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var fullPath = workspace.ToFullPath(group.Key);
                    var (text, encoding) = Read(fullPath);
                    var edits = new List<TextEdit>();
                    var lines = new List<string>();
                    foreach (var finding in group.OrderBy(f => f.Range.Start))
                    {
                        var fix = workspace.GetFixes(fullPath, text, finding, cancellationToken).FirstOrDefault();
                        if (fix == null || fix.Edits.Any(e => Overlaps(e, edits)))
                        {
                            continue;
                        }

                        edits.AddRange(fix.Edits);
                        fixedCount++;
                        lines.Add(group.Key + ":" + (finding.Start.Line + 1) + ": " + finding.RuleId + " " + fix.Title);
                        if (dry)
                        {
                            foreach (var edit in fix.Edits)
                            {
                                foreach (var added in edit.NewText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0))
                                {
                                    lines.Add("  + " + added);
                                }
                            }
                        }
                    }

                    if (edits.Count == 0)
                    {
                        continue;
                    }

                    files++;
                    foreach (var line in lines)
                    {
                        await output.WriteLineAsync(line);
                    }

                    if (!dry)
                    {
                        await File.WriteAllTextAsync(fullPath, TextEdits.Apply(text, edits), encoding, cancellationToken);
                    }
                }

                var verb = dry ? "Would fix" : "Fixed";
                await output.WriteLineAsync(verb + " " + fixedCount + " finding(s) in " + files + " file(s).");
                return dry && fixedCount > 0 ? ExitCodes.Findings : ExitCodes.Success;
            }
            catch (UsageException ex)
            {
                await Terminal.Error(parse).WriteLineAsync("devopslens fix: " + ex.Message);
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static bool Overlaps(TextEdit edit, List<TextEdit> taken) =>
        taken.Any(t => (edit.Range.Start < t.Range.End && t.Range.Start < edit.Range.End)
            || (edit.Range.Length == 0 && t.Range.Length == 0 && edit.Range.Start == t.Range.Start));

    /// <summary>Reads the file keeping its encoding (a UTF-8 byte-order mark stays), so a fix changes only what it edits.</summary>
    private static (string Text, Encoding Encoding) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        return (text, new UTF8Encoding(bom));
    }
}
