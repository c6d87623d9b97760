using System;
using System.Collections.Generic;
using System.Globalization;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Configuration;

/// <summary>
/// The effective configuration for one document: the .editorconfig/.globalconfig key/value pairs that apply to
/// its path, already resolved (nearest file wins, sections in order). Keys are compared case-insensitively.
/// </summary>
public sealed class RuleOptions
{
    public static RuleOptions Default { get; } = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _values;

    public RuleOptions(IReadOnlyDictionary<string, string> values)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values)
        {
            copy[pair.Key] = pair.Value;
        }

        _values = copy;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// <c>dotnet_diagnostic.DLxxxx.severity</c>, then <c>dotnet_analyzer_diagnostic.category-Security.severity</c>,
    /// then <c>dotnet_analyzer_diagnostic.severity</c>, then the catalog default — Roslyn's order.
    /// </summary>
    public Severity GetSeverity(RuleDescriptor rule)
    {
        if (_values.Count == 0)
        {
            // Most files of most repositories: no configuration applies, and every rule asks on every file.
            return rule.DefaultSeverity;
        }

        if (TryGetSeverity("dotnet_diagnostic." + rule.Id + ".severity", out var s))
        {
            return s;
        }

        if (TryGetSeverity("dotnet_analyzer_diagnostic.category-" + rule.Category + ".severity", out s))
        {
            return s;
        }

        if (rule.IsEnabledByDefault && TryGetSeverity("dotnet_analyzer_diagnostic.severity", out s))
        {
            return s;
        }

        return rule.DefaultSeverity;
    }

    public bool IsEnabled(RuleDescriptor rule) => GetSeverity(rule) != Severity.None;

    /// <summary><c>devopslens.DLxxxx.name</c>, falling back to the option's documented default.</summary>
    public string GetOption(RuleDescriptor rule, string name)
    {
        if (_values.TryGetValue("devopslens." + rule.Id + "." + name, out var value))
        {
            return value.Trim();
        }

        foreach (var option in rule.Options)
        {
            if (string.Equals(option.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return option.DefaultValue;
            }
        }

        return string.Empty;
    }

    public double GetDouble(RuleDescriptor rule, string name, double fallback) =>
        double.TryParse(GetOption(rule, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    public int GetInt(RuleDescriptor rule, string name, int fallback) =>
        int.TryParse(GetOption(rule, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>Product-wide option <c>devopslens.name</c>.</summary>
    public string? GetGlobal(string name) =>
        _values.TryGetValue("devopslens." + name, out var value) ? value.Trim() : null;

    public IReadOnlyList<string> GetList(RuleDescriptor rule, string name)
    {
        var raw = GetOption(rule, name);
        var result = new List<string>();
        foreach (var part in raw.Split(','))
        {
            var item = part.Trim();
            if (item.Length > 0)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private bool TryGetSeverity(string key, out Severity severity)
    {
        severity = Severity.None;
        if (!_values.TryGetValue(key, out var raw))
        {
            return false;
        }

        return SeverityText.TryParse(raw, out severity);
    }
}
