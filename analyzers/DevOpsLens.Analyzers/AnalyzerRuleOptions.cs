using System;
using System.Collections.Generic;
using DevOpsLens.Engine.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Maps the .editorconfig/.globalconfig options Roslyn resolved for a syntax tree onto the engine's
/// <see cref="RuleOptions"/>, so <c>devopslens.*</c> and <c>dotnet_diagnostic.DL*</c> keys mean the same in the
/// compiler as in the CLI and the language server.
/// </summary>
internal static class AnalyzerRuleOptions
{
    public static RuleOptions For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        Dictionary<string, string>? values = null;
        foreach (var key in config.Keys)
        {
            if ((key.StartsWith("devopslens.", StringComparison.OrdinalIgnoreCase) ||
                 key.StartsWith("dotnet_diagnostic.DL", StringComparison.OrdinalIgnoreCase) ||
                 key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.OrdinalIgnoreCase)) &&
                config.TryGetValue(key, out var value))
            {
                values ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                values[key] = value;
            }
        }

        return values == null ? RuleOptions.Default : new RuleOptions(values);
    }
}
