using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;

namespace DevOpsLens.Workspace.Tests;

public sealed class EditorConfigTests
{
    private static ResolvedConfiguration Resolve(string path, params (string Path, string Text)[] files) =>
        new ConfigurationResolver(new MemoryReader(files.ToDictionary(f => f.Path, f => f.Text))).Resolve(path);

    private static Severity SeverityOf(ResolvedConfiguration config, RuleDescriptor rule) => config.Options.GetSeverity(rule);

    [Fact]
    public void Nearest_file_wins_over_parent()
    {
        var config = Resolve("/repo/src/app.json",
            ("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.DL1001.severity = warning\n"),
            ("/repo/src/.editorconfig", "[*.json]\ndotnet_diagnostic.DL1001.severity = none\n"));
        Assert.Equal(Severity.None, SeverityOf(config, RuleCatalog.KnownCredential));
    }

    [Fact]
    public void Root_true_stops_the_walk()
    {
        var config = Resolve("/repo/src/app.json",
            ("/.editorconfig", "[*]\ndotnet_diagnostic.DL1005.severity = error\ndotnet_diagnostic.DL1001.severity = none\n"),
            ("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.DL1005.severity = suggestion\n"));
        Assert.Equal(Severity.Note, SeverityOf(config, RuleCatalog.SecretAssignment));
        Assert.Equal(RuleCatalog.KnownCredential.DefaultSeverity, SeverityOf(config, RuleCatalog.KnownCredential));
    }

    [Fact]
    public void Without_root_parent_settings_still_apply()
    {
        var config = Resolve("/repo/src/app.json",
            ("/.editorconfig", "[*]\ndotnet_diagnostic.DL1001.severity = none\n"),
            ("/repo/.editorconfig", "[*]\ndotnet_diagnostic.DL1005.severity = suggestion\n"));
        Assert.Equal(Severity.None, SeverityOf(config, RuleCatalog.KnownCredential));
    }

    [Fact]
    public void Later_section_in_the_same_file_wins()
    {
        var config = Resolve("/r/a.yml",
            ("/r/.editorconfig", "root=true\n[*.yml]\ndotnet_diagnostic.DL1001.severity = none\n[*]\ndotnet_diagnostic.DL1001.severity = warning\n"));
        Assert.Equal(Severity.Warning, SeverityOf(config, RuleCatalog.KnownCredential));
    }

    [Theory]
    [InlineData("*.cs", "src/deep/a.cs", true)]
    [InlineData("*.cs", "src/a.csx", false)]
    [InlineData("src/*.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/deep/a.cs", false)]
    [InlineData("src/*.cs", "other/src/a.cs", false)]
    [InlineData("/src/*.cs", "src/a.cs", true)]
    [InlineData("src/**/*.cs", "src/a/b/c.cs", true)]
    [InlineData("src/**/*.cs", "src/c.cs", true)]
    [InlineData("**/tests/**", "a/tests/b/c.txt", true)]
    [InlineData("a?c.txt", "abc.txt", true)]
    [InlineData("a?c.txt", "a/c.txt", false)]
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[abc].txt", "d.txt", false)]
    [InlineData("[!abc].txt", "d.txt", true)]
    [InlineData("[a-c]x.txt", "bx.txt", true)]
    [InlineData("*.{json,yml}", "deploy/x.yml", true)]
    [InlineData("*.{json,yml}", "deploy/x.yaml", false)]
    [InlineData("{src,test}/**.cs", "test/a/b.cs", true)]
    [InlineData("file{1..3}.txt", "file2.txt", true)]
    [InlineData("file{1..3}.txt", "file4.txt", false)]
    [InlineData("file{1..3}.txt", "file10.txt", false)]
    [InlineData("{single}.txt", "{single}.txt", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    public void Section_globs_match_like_editorconfig(string glob, string path, bool expected)
    {
        Assert.True(EditorConfigGlob.TryCreate(glob, out var compiled, out var error), error);
        Assert.Equal(expected, compiled!.IsMatch(path));
    }

    [Fact]
    public void Section_paths_are_relative_to_the_file_folder()
    {
        var files = new[] { ("/repo/sub/.editorconfig", "[config/*.json]\ndotnet_diagnostic.DL1001.severity = none\n") };
        Assert.Equal(Severity.None, SeverityOf(Resolve("/repo/sub/config/a.json", files), RuleCatalog.KnownCredential));
        Assert.NotEqual(Severity.None, SeverityOf(Resolve("/repo/config/a.json", files), RuleCatalog.KnownCredential));
    }

    [Fact]
    public void Globalconfig_applies_everywhere_below_editorconfig()
    {
        var files = new[]
        {
            ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.DL1001.severity = none\ndotnet_diagnostic.DL1005.severity = error\n"),
            ("/repo/.editorconfig", "root = true\n[*.env]\ndotnet_diagnostic.DL1005.severity = suggestion\n"),
        };
        var env = Resolve("/repo/x/.env", files);
        Assert.Equal(Severity.None, SeverityOf(env, RuleCatalog.KnownCredential));
        Assert.Equal(Severity.Note, SeverityOf(env, RuleCatalog.SecretAssignment));
        Assert.Equal(Severity.Error, SeverityOf(Resolve("/repo/x/a.json", files), RuleCatalog.SecretAssignment));
    }

    [Fact]
    public void Higher_global_level_wins_and_equal_levels_conflict()
    {
        var resolver = new ConfigurationResolver(new MemoryReader(new Dictionary<string, string>
        {
            ["/repo/.globalconfig"] = "is_global = true\nglobal_level = 200\ndotnet_diagnostic.DL1001.severity = warning\n",
            ["/repo/a/.globalconfig"] = "is_global = true\nglobal_level = 10\ndotnet_diagnostic.DL1001.severity = none\ndotnet_diagnostic.DL1002.severity = none\n",
            ["/repo/a/.editorconfig"] = "is_global = true\nglobal_level = 10\ndotnet_diagnostic.DL1002.severity = warning\n",
        }));
        var config = resolver.Resolve("/repo/a/x.txt");
        Assert.Equal(Severity.Warning, config.Options.GetSeverity(RuleCatalog.KnownCredential));
        Assert.Equal(RuleCatalog.PrivateKey.DefaultSeverity, config.Options.GetSeverity(RuleCatalog.PrivateKey));
        Assert.Contains(resolver.Problems, p => p.Message.Contains("same global_level", StringComparison.Ordinal));
    }

    [Fact]
    public void Global_config_sections_match_exact_paths()
    {
        var config = Resolve("/repo/src/a.cs",
            ("/repo/.globalconfig", "is_global = true\n[/repo/src/a.cs]\ndotnet_diagnostic.DL1001.severity = none\n"));
        Assert.Equal(Severity.None, SeverityOf(config, RuleCatalog.KnownCredential));
    }

    [Fact]
    public void Malformed_lines_and_unknown_values_are_reported_and_ignored()
    {
        var resolver = new ConfigurationResolver(new MemoryReader(new Dictionary<string, string>
        {
            ["/repo/.editorconfig"] = "root = true\n[*\nthis line is nonsense\n[*.json]\ndotnet_diagnostic.DL1001.severity = loud\ndotnet_diagnostic.DL9999.severity = error\ndevopslens.DL1005.min_entopy = 3\ndevopslens.max_file_size = huge\ndotnet_diagnostic.DL1005.severity = error\n",
        }));
        var config = resolver.Resolve("/repo/a.json");
        Assert.Equal(RuleCatalog.KnownCredential.DefaultSeverity, config.Options.GetSeverity(RuleCatalog.KnownCredential));
        Assert.Equal(Severity.Error, config.Options.GetSeverity(RuleCatalog.SecretAssignment));
        var messages = resolver.Problems.Select(p => (p.Line, p.Message)).ToList();
        Assert.Contains(messages, m => m.Line == 1 && m.Message.Contains("no closing ']'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 2 && m.Message.Contains("not a [section]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 4 && m.Message.Contains("Unknown severity 'loud'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 5 && m.Message.Contains("Unknown rule DL9999", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("min_entopy", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 7 && m.Message.Contains("max_file_size", StringComparison.Ordinal));
        Assert.Null(config.MaxFileSize);
    }

    [Fact]
    public void Product_options_exclude_and_max_file_size()
    {
        var files = new[]
        {
            ("/repo/.editorconfig", "root = true\ndevopslens.exclude = vendor/**, *.min.js\ndevopslens.max_file_size = 1MB\n[fixtures/**]\ndevopslens.exclude = true\n[big/**]\ndevopslens.max_file_size = 10MB\n"),
        };
        Assert.True(Resolve("/repo/vendor/lib/a.js", files).IsExcluded);
        Assert.True(Resolve("/repo/web/app.min.js", files).IsExcluded);
        Assert.True(Resolve("/repo/fixtures/x.json", files).IsExcluded);
        Assert.False(Resolve("/repo/src/app.js", files).IsExcluded);
        Assert.Equal(1024 * 1024, Resolve("/repo/src/app.js", files).MaxFileSize);
        Assert.Equal(10 * 1024 * 1024, Resolve("/repo/big/data.json", files).MaxFileSize);
    }

    [Fact]
    public void Rule_options_and_case_insensitive_keys_reach_rule_options()
    {
        var config = Resolve("/repo/.env",
            ("/repo/.editorconfig", "root = true\n[*]\nDevOpsLens.DL1005.Min_Entropy = 4.5 # stricter\n"));
        Assert.Equal(4.5, config.Options.GetDouble(RuleCatalog.SecretAssignment, "min_entropy", 0));
        Assert.Equal(8, config.Options.GetInt(RuleCatalog.SecretAssignment, "min_length", 0));
    }
}
