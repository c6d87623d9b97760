using System.Text.Json;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.CodeActions;

/// <summary>
/// For each DevOpsLens finding under the cursor: the rule's quick fixes, "suppress on this line" (an inline
/// <c>devopslens-ignore</c> comment in the file's comment syntax) and "add to baseline" (a server command).
/// </summary>
internal sealed class CodeActionHandler : ILspHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    private const string QuickFix = "quickfix";

    public async Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Context.Only is { Count: > 0 } only && !only.Any(k => k == QuickFix || QuickFix.StartsWith(k + ".", StringComparison.Ordinal)))
        {
            return Array.Empty<CodeAction>();
        }

        var state = context.State;
        if (!state.Documents.TryGetValue(request.TextDocument.Uri, out var document) || document.Path is null || state.Session is null)
        {
            return Array.Empty<CodeAction>();
        }

        var analysis = await context.Services.Diagnostics.GetAsync(state, document, cancellationToken).ConfigureAwait(false);
        var lines = LineMap.Create(document.Text);
        var actions = new List<CodeAction>();
        foreach (var (finding, diagnostic) in Select(analysis, state.Settings, request, lines, document.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var related = new[] { diagnostic };
            var first = true;
            foreach (var fix in SafeFixes(context, document, finding))
            {
                actions.Add(new CodeAction
                {
                    Title = fix.Title,
                    Kind = QuickFix,
                    Diagnostics = related,
                    IsPreferred = first ? true : null,
                    Edit = Edit(document.Uri, lines, fix.Edits.Select(e => (e.Range, e.NewText))),
                });
                first = false;
            }

            var lineStart = lines.GetLineStart(finding.Start.Line);
            var indentation = Indentation(document.Text, lineStart);
            var newline = document.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            if (SuppressionComments.BuildLine(document.Path, finding.RuleId, indentation, newline) is { } comment)
            {
                actions.Add(new CodeAction
                {
                    Title = "Suppress " + finding.RuleId + " on this line",
                    Kind = QuickFix,
                    Diagnostics = related,
                    Edit = Edit(document.Uri, lines, new[] { (new TextRange(lineStart, 0), comment) }),
                });
            }

            if (finding.Fingerprint is not null)
            {
                actions.Add(new CodeAction
                {
                    Title = "Add " + finding.RuleId + " to the baseline",
                    Kind = QuickFix,
                    Diagnostics = related,
                    Command = new LspCommand
                    {
                        Title = "Add " + finding.RuleId + " to the baseline",
                        Command = Methods.AddToBaselineCommand,
                        Arguments = new[] { JsonSerializer.SerializeToElement(new BaselineArgument(document.Uri, finding.Fingerprint, finding.RuleId), ServerJson.Options) },
                    },
                });
            }
        }

        return actions;
    }

    /// <summary>Findings named by the request's diagnostics (by fingerprint), or else those overlapping the range.</summary>
    private static IEnumerable<(Finding Finding, Diagnostic Diagnostic)> Select(DocumentAnalysis analysis, ServerSettings settings, CodeActionParams request, LineMap lines, string text)
    {
        var visible = DiagnosticsHub.Visible(analysis.Findings, settings).Select(f => (First: f, Second: DiagnosticMapper.ToDiagnostic(f))).ToList();
        var named = request.Context.Diagnostics.Where(d => d.Source == DiagnosticMapper.Source).ToList();
        if (named.Count > 0)
        {
            foreach (var diagnostic in named)
            {
                var match = visible.FirstOrDefault(p => diagnostic.Data?.Fingerprint is { } fp ? p.First.Fingerprint == fp : p.First.RuleId == diagnostic.Code && p.Second.Range == diagnostic.Range);
                if (match.First is not null)
                {
                    yield return match;
                }
            }

            yield break;
        }

        var start = DocumentText.ToOffset(text, lines, request.Range.Start);
        var end = DocumentText.ToOffset(text, lines, request.Range.End);
        foreach (var pair in visible.Where(p => p.First.Range.Start <= end && p.First.Range.End >= start))
        {
            yield return pair;
        }
    }

    private static IEnumerable<Engine.Rules.TextFix> SafeFixes(RequestContext context, DocumentSnapshot document, Finding finding)
    {
        try
        {
            return context.State.Session!.Analysis.GetFixes(document.Path!, document.Text, finding);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Services.Log.Error("quick fixes for " + finding.RuleId + " failed: " + ex.Message);
            return Array.Empty<Engine.Rules.TextFix>();
        }
    }

    private static WorkspaceEdit Edit(string uri, LineMap lines, IEnumerable<(TextRange Range, string NewText)> edits) => new()
    {
        Changes = new Dictionary<string, IReadOnlyList<LspTextEdit>>
        {
            [uri] = edits.Select(e => new LspTextEdit { Range = DocumentText.ToRange(lines, e.Range), NewText = e.NewText }).ToArray(),
        },
    };

    private static string Indentation(string text, int lineStart)
    {
        var end = lineStart;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text[lineStart..end];
    }
}

/// <summary>The argument of <c>devopslens.server.addToBaseline</c>.</summary>
internal sealed record BaselineArgument(
    [property: System.Text.Json.Serialization.JsonPropertyName("uri")] string Uri,
    [property: System.Text.Json.Serialization.JsonPropertyName("fingerprint")] string Fingerprint,
    [property: System.Text.Json.Serialization.JsonPropertyName("ruleId")] string RuleId);
