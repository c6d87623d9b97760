using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DevOpsLens.Engine.Suppressions;
using DevOpsLens.Engine.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Honours <c>// devopslens-ignore DL2001: reason</c> on a finding's line or the line above in C#, with the engine's
/// parser, so the comment that silences a finding in the CLI and the language server silences it in the build too.
/// The reason becomes the suppression's justification.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InlineIgnoreSuppressor : DiagnosticSuppressor
{
    private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule = AnalysisModes.AnalyzerRules
        .ToImmutableDictionary(
            r => r.Id,
            r => new SuppressionDescriptor("DLSUP" + r.Id.Substring(2), r.Id, "Suppressed by a devopslens-ignore comment"));

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var parsed = new Dictionary<SyntaxTree, InlineSuppressions>();
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree == null || !ByRule.TryGetValue(diagnostic.Id, out var descriptor))
            {
                continue;
            }

            if (!parsed.TryGetValue(tree, out var suppressions))
            {
                var text = tree.GetText(context.CancellationToken).ToString();
                suppressions = text.IndexOf(InlineSuppressions.Marker, System.StringComparison.Ordinal) < 0
                    ? null!
                    : InlineSuppressions.Parse(text, LineMap.Create(text));
                parsed[tree] = suppressions;
            }

            if (suppressions != null && suppressions.TryGet(diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line, out _))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }
}
