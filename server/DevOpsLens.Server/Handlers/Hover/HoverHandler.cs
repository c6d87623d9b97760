using System.Text;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Hover;

/// <summary>On a finding: the rule's title, the message, why it matters (catalog description) and a link to how to fix it.</summary>
internal sealed class HoverHandler : ILspHandler<HoverParams, Protocol.Hover?>
{
    public async Task<Protocol.Hover?> HandleAsync(HoverParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (!context.State.Documents.TryGetValue(request.TextDocument.Uri, out var document))
        {
            return null;
        }

        var analysis = await context.Services.Diagnostics.GetAsync(context.State, document, cancellationToken).ConfigureAwait(false);
        var lines = LineMap.Create(document.Text);
        var offset = DocumentText.ToOffset(document.Text, lines, request.Position);
        var hits = DiagnosticsHub.Visible(analysis.Findings, context.State.Settings)
            .Where(f => f.Range.Start <= offset && offset <= f.Range.End)
            .ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var finding in hits)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n---\n\n");
            }

            RuleCatalog.TryGet(finding.RuleId, out var rule);
            sb.Append("**").Append(finding.RuleId).Append(": ").Append(rule?.Title ?? "DevOpsLens finding").Append("**\n\n");
            sb.Append(finding.Message).Append("\n\n");
            if (rule is not null)
            {
                sb.Append("*Why it matters:* ").Append(rule.Description).Append("\n\n");
                sb.Append("*How to fix:* see [").Append(rule.Id).Append("](").Append(rule.HelpUri).Append("). ");
                sb.Append("To accept it, suppress with `devopslens-ignore ").Append(rule.Id).Append(": <reason>` or add it to the baseline.");
            }
        }

        var first = hits[0];
        return new Protocol.Hover
        {
            Contents = new MarkupContent { Value = sb.ToString() },
            Range = DocumentText.ToRange(lines, first.Range),
        };
    }
}
