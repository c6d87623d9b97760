using System.Globalization;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary>
/// The risk gate a repository configures for itself: <c>devopslens.DL3100.fail_above</c> in the .editorconfig that
/// applies at the scored folder, so CI and developers share one threshold without repeating <c>--fail-above</c>.
/// <c>dotnet_diagnostic.DL3100.severity = none</c> turns the configured gate off; <c>--fail-above</c> always wins.
/// </summary>
internal static class RiskGate
{
    private const string Key = "devopslens.DL3100.fail_above";

    /// <summary>The configured gate, or null with the reason when there is none or it cannot be used.</summary>
    public static (int? Gate, string? Problem) Configured(string path)
    {
        var folder = Path.GetFullPath(path);
        if (File.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder) ?? folder;
        }

        var resolver = new ConfigurationResolver(new DiskConfigurationReader());
        var options = resolver.Resolve(Path.Combine(folder, "change").Replace('\\', '/')).Options;
        if (!options.IsEnabled(RuleCatalog.ChangeRisk) || !options.Values.TryGetValue(Key, out var raw))
        {
            return (null, null);
        }

        raw = raw.Trim();
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gate) && gate is >= 0 and <= 100
            ? (gate, null)
            : (null, $"{Key} = '{raw}' in .editorconfig is not a whole number from 0 to 100; no gate from configuration");
    }
}
