using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Analyzers;

/// <summary>
/// The bulk presets selected by the <c>DevOpsLensAnalysisMode</c> MSBuild property. Each is a .globalconfig generated
/// from the catalog and shipped in the package; <c>Default</c> adds none, so the catalog's severities apply.
/// </summary>
public static class AnalysisModes
{
    public static IReadOnlyList<string> Names { get; } = new[] { "Default", "Recommended", "All", "None" };

    /// <summary>The rules the package's analyzers report.</summary>
    public static IEnumerable<RuleDescriptor> AnalyzerRules => RuleCatalog.All.Where(r => (r.Hosts & RuleHosts.Analyzer) != 0);

    /// <summary>The .globalconfig text for a mode; null for <c>Default</c>, which ships no file.</summary>
    public static string? GlobalConfig(string mode)
    {
        Func<RuleDescriptor, Severity> severity = mode switch
        {
            // High-confidence security findings fail the build; everything else keeps its default.
            "Recommended" => r => r.Category == "Security" && r.Confidence == Confidence.High ? Severity.Error : r.DefaultSeverity,

            // Every rule on, at least as a warning.
            "All" => r => r.DefaultSeverity == Severity.Error ? Severity.Error : Severity.Warning,
            "None" => _ => Severity.None,
            _ => null!,
        };
        if (severity == null)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.Append("# DevOpsLensAnalysisMode=").Append(mode).Append(". Generated from the DevOpsLens rule catalog; do not edit.\n");
        sb.Append("is_global = true\n");

        // Below the default level (100) of a repository's own .globalconfig, which therefore wins on any conflict;
        // .editorconfig entries win over every global config.
        sb.Append("global_level = -1\n");
        foreach (var rule in AnalyzerRules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sb.Append('\n').Append("# ").Append(rule.Title).Append('\n');
            sb.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(SeverityText.ToEditorConfig(severity(rule))).Append('\n');
        }

        return sb.ToString();
    }
}
