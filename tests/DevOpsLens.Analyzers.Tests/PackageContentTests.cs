using System.Collections.Immutable;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

public sealed class PackageContentTests
{
    private static string ConfigDir => Path.Combine(TestPaths.RepoRoot, "analyzers", "DevOpsLens.Analyzers.Package", "buildTransitive", "config");

    public static TheoryData<string> ModesWithFiles() => new() { "Recommended", "All", "None" };

    /// <summary>The shipped preset files are generated from the catalog; set DEVOPSLENS_UPDATE_PRESETS=1 to rewrite them.</summary>
    [Theory]
    [MemberData(nameof(ModesWithFiles))]
    public void Shipped_preset_matches_the_catalog(string mode)
    {
        var expected = AnalysisModes.GlobalConfig(mode)!;
        var path = Path.Combine(ConfigDir, "devopslens." + mode.ToLowerInvariant() + ".globalconfig");
        if (Environment.GetEnvironmentVariable("DEVOPSLENS_UPDATE_PRESETS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), path + " is missing");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void None_preset_turns_every_analyzer_rule_off_and_all_turns_every_rule_on()
    {
        var none = AnalysisModes.GlobalConfig("None")!;
        var all = AnalysisModes.GlobalConfig("All")!;
        foreach (var rule in AnalysisModes.AnalyzerRules)
        {
            Assert.Contains("dotnet_diagnostic." + rule.Id + ".severity = none\n", none);
            Assert.DoesNotContain("dotnet_diagnostic." + rule.Id + ".severity = none\n", all);
        }

        Assert.Null(AnalysisModes.GlobalConfig("Default"));
    }

    [Fact]
    public void Every_analyzer_rule_in_the_catalog_has_an_analyzer_and_descriptors_match_it()
    {
        var supported = typeof(SecretTextAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToImmutableArray();
        Assert.Equal(
            AnalysisModes.AnalyzerRules.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal),
            supported.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));

        foreach (var descriptor in supported)
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
            Assert.Equal(rule.IsEnabledByDefault, descriptor.IsEnabledByDefault);
            var compilationEnd = descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);
            Assert.Equal(descriptor.Id is "DL2005" or "DL2006" or "DL2007", compilationEnd);
        }
    }

    [Fact]
    public void Every_analyzer_rule_has_a_documentation_page_titled_as_in_the_catalog()
    {
        foreach (var rule in AnalysisModes.AnalyzerRules.Where(r => r.Id is "DL1006" || r.Id.StartsWith("DL2", StringComparison.Ordinal)))
        {
            var path = Path.Combine(TestPaths.RepoRoot, rule.DocsPath);
            Assert.True(File.Exists(path), path + " is missing");
            var firstLine = File.ReadLines(path).First();
            Assert.Equal("# " + rule.Id + ": " + rule.Title, firstLine);
        }
    }
}
