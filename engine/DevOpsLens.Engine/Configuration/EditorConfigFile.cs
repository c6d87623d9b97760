using System;
using System.Collections.Generic;
using System.Globalization;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Configuration;

/// <summary>Something in a configuration file that could not be understood; it becomes a DL9002 finding on that file.</summary>
public sealed class ConfigurationProblem
{
    public ConfigurationProblem(string path, int line, string message)
    {
        Path = path;
        Line = line;
        Message = message;
    }

    /// <summary>The configuration file, in the same path space the resolver was given.</summary>
    public string Path { get; }

    /// <summary>Zero-based line, or -1 when the problem concerns the whole file.</summary>
    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Path + ":" + (Line + 1).ToString(CultureInfo.InvariantCulture) + ": " + Message;
}

/// <summary>One <c>[glob]</c> section and its properties, in file order.</summary>
public sealed class EditorConfigSection
{
    public EditorConfigSection(string name, EditorConfigGlob? glob, IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        Name = name;
        Glob = glob;
        Properties = properties;
    }

    public string Name { get; }

    /// <summary>Null in a global config, whose section names are exact paths.</summary>
    public EditorConfigGlob? Glob { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }
}

/// <summary>
/// A parsed .editorconfig or .globalconfig, with Roslyn's line grammar: <c>[section]</c>, <c>key = value</c>
/// (or <c>key: value</c>), comments after <c>#</c> or <c>;</c>. Keys are case-insensitive. Lines Roslyn would
/// silently ignore, and DevOpsLens settings with unknown rules, options or severities, are reported as problems.
/// </summary>
public sealed class EditorConfigFile
{
    public const int DefaultGlobalLevel = 100;

    private static readonly string[] ProductOptions = { "max_file_size", "exclude" };

    private EditorConfigFile(string path, string text)
    {
        Path = path.Replace('\\', '/');
        Text = text;
        var slash = Path.LastIndexOf('/');
        Directory = slash >= 0 ? Path.Substring(0, slash) : string.Empty;
    }

    /// <summary>Forward-slash path of the file itself.</summary>
    public string Path { get; }

    /// <summary>The folder section globs are relative to.</summary>
    public string Directory { get; }

    public string Text { get; }

    public bool IsRoot { get; private set; }

    /// <summary><c>is_global = true</c>: the file applies to every document, below every .editorconfig.</summary>
    public bool IsGlobal { get; private set; }

    public int GlobalLevel { get; private set; } = DefaultGlobalLevel;

    /// <summary>Properties before the first section (only <c>root</c>, <c>is_global</c> and <c>devopslens.*</c> mean something there).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Preamble => _preamble;

    public IReadOnlyList<EditorConfigSection> Sections => _sections;

    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    private readonly List<KeyValuePair<string, string>> _preamble = new();
    private readonly List<EditorConfigSection> _sections = new();
    private readonly List<ConfigurationProblem> _problems = new();

    /// <param name="path">The file's path (forward slashes); its folder anchors the section globs.</param>
    /// <param name="text">The file's content.</param>
    /// <param name="forceGlobal">True for files named .globalconfig, which are global even without <c>is_global</c>.</param>
    public static EditorConfigFile Parse(string path, string text, bool forceGlobal = false)
    {
        var file = new EditorConfigFile(path, text ?? string.Empty);
        file.IsGlobal = forceGlobal;
        file.ParseLines();
        return file;
    }

    private void ParseLines()
    {
        var lines = Text.Split('\n');
        string? sectionName = null;
        EditorConfigGlob? glob = null;
        List<KeyValuePair<string, string>>? props = null;
        var sectionValid = true;

        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (n == 0 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1).Trim();
            }

            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = FindSectionEnd(line);
                if (close < 0 || !IsCommentOrEmpty(line.Substring(close + 1)))
                {
                    Problem(n, "Line " + (n + 1).ToString(CultureInfo.InvariantCulture) + " starts a section but has no closing ']': " + Quote(line));
                    sectionValid = false;
                    props = null;
                    continue;
                }

                FlushSection(sectionName, glob, props, sectionValid);
                sectionName = line.Substring(1, close - 1);
                props = new List<KeyValuePair<string, string>>();
                glob = null;
                sectionValid = true;
                if (!IsGlobal && !EditorConfigGlob.TryCreate(sectionName, out glob, out var error))
                {
                    Problem(n, "Section [" + sectionName + "] is ignored: " + error);
                    sectionValid = false;
                }

                continue;
            }

            if (!TryParseProperty(line, out var key, out var value))
            {
                Problem(n, "Line " + (n + 1).ToString(CultureInfo.InvariantCulture) + " is not a [section], a key = value pair or a comment: " + Quote(line));
                continue;
            }

            if (props == null)
            {
                if (sectionName != null)
                {
                    // Properties under a malformed section header belong to no section.
                    continue;
                }

                if (key == "root")
                {
                    IsRoot = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                }
                else if (key == "is_global")
                {
                    IsGlobal |= string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                }
                else if (key == "global_level")
                {
                    if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level))
                    {
                        GlobalLevel = level;
                    }
                    else
                    {
                        Problem(n, "global_level must be a whole number, not " + Quote(value));
                    }
                }

                Validate(n, key, value);
                _preamble.Add(new KeyValuePair<string, string>(key, value));
                continue;
            }

            Validate(n, key, value);
            props.Add(new KeyValuePair<string, string>(key, value));
        }

        FlushSection(sectionName, glob, props, sectionValid);
    }

    private void FlushSection(string? name, EditorConfigGlob? glob, List<KeyValuePair<string, string>>? props, bool valid)
    {
        if (name != null && props != null && valid)
        {
            _sections.Add(new EditorConfigSection(name, glob, props));
        }
    }

    private void Validate(int line, string key, string value)
    {
        if (key.StartsWith("dotnet_diagnostic.dl", StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal))
        {
            var id = key.Substring("dotnet_diagnostic.".Length, key.Length - "dotnet_diagnostic.".Length - ".severity".Length).ToUpperInvariant();
            if (!RuleCatalog.TryGet(id, out _))
            {
                Problem(line, "Unknown rule " + id + " in " + Quote(key) + "; the setting is ignored");
            }
            else if (!SeverityText.TryParse(value, out _))
            {
                Problem(line, "Unknown severity " + Quote(value) + " for " + id + "; use error, warning, suggestion, silent or none (the rule keeps its default)");
            }

            return;
        }

        if ((key == "dotnet_analyzer_diagnostic.severity" || (key.StartsWith("dotnet_analyzer_diagnostic.category-", StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal)))
            && !SeverityText.TryParse(value, out _))
        {
            Problem(line, "Unknown severity " + Quote(value) + " in " + Quote(key) + "; use error, warning, suggestion, silent or none");
            return;
        }

        if (!key.StartsWith("devopslens.", StringComparison.Ordinal))
        {
            return;
        }

        var rest = key.Substring("devopslens.".Length);
        var dot = rest.IndexOf('.');
        if (dot < 0)
        {
            if (Array.IndexOf(ProductOptions, rest) < 0)
            {
                Problem(line, "Unknown option " + Quote(key) + "; product options are devopslens.max_file_size and devopslens.exclude");
            }
            else if (rest == "max_file_size" && !FileSize.TryParse(value, out _))
            {
                Problem(line, "devopslens.max_file_size must be a size in bytes (or with KB/MB/GB), not " + Quote(value));
            }

            return;
        }

        var ruleId = rest.Substring(0, dot).ToUpperInvariant();
        var option = rest.Substring(dot + 1);
        if (!RuleCatalog.TryGet(ruleId, out var rule) || rule == null)
        {
            Problem(line, "Unknown rule " + ruleId + " in " + Quote(key) + "; the setting is ignored");
            return;
        }

        foreach (var known in rule.Options)
        {
            if (string.Equals(known.Name, option, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        var names = new List<string>();
        foreach (var known in rule.Options)
        {
            names.Add(known.Name);
        }

        Problem(line, ruleId + " has no option " + Quote(option) + (names.Count == 0 ? " (it has no options)" : " (options: " + string.Join(", ", names) + ")"));
    }

    private void Problem(int line, string message) => _problems.Add(new ConfigurationProblem(Path, line, message));

    private static int FindSectionEnd(string line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == ']')
            {
                // The last ']' before a comment closes the section: "[a[bc]]" style names keep inner brackets.
                var last = i;
                for (var j = i + 1; j < line.Length && line[j] != '#' && line[j] != ';'; j++)
                {
                    if (line[j] == ']')
                    {
                        last = j;
                    }
                }

                return last;
            }
        }

        return -1;
    }

    private static bool IsCommentOrEmpty(string rest)
    {
        var t = rest.Trim();
        return t.Length == 0 || t[0] == '#' || t[0] == ';';
    }

    private static bool TryParseProperty(string line, out string key, out string value)
    {
        key = value = string.Empty;
        var sep = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '=' || c == ':')
            {
                sep = i;
                break;
            }

            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || char.IsWhiteSpace(c)))
            {
                return false;
            }
        }

        if (sep <= 0)
        {
            return false;
        }

        key = line.Substring(0, sep).Trim().ToLowerInvariant();
        if (key.Length == 0 || key.IndexOf(' ') >= 0 || key.IndexOf('\t') >= 0)
        {
            return false;
        }

        var raw = line.Substring(sep + 1);

        // Roslyn drops a trailing comment that starts with " #" or " ;".
        for (var i = 0; i < raw.Length; i++)
        {
            if ((raw[i] == '#' || raw[i] == ';') && (i == 0 || char.IsWhiteSpace(raw[i - 1])))
            {
                raw = raw.Substring(0, i);
                break;
            }
        }

        value = raw.Trim();
        return true;
    }

    private static string Quote(string s) => "'" + (s.Length > 80 ? s.Substring(0, 80) + "…" : s) + "'";
}

/// <summary>Parses sizes such as <c>5242880</c>, <c>512KB</c>, <c>5MB</c>, <c>1GB</c> (binary multiples).</summary>
public static class FileSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var t = (text ?? string.Empty).Trim().ToUpperInvariant().Replace(" ", string.Empty);
        long multiplier = 1;
        foreach (var (suffix, factor) in new[] { ("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("K", 1024L), ("M", 1024L * 1024), ("G", 1024L * 1024 * 1024), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                multiplier = factor;
                t = t.Substring(0, t.Length - suffix.Length);
                break;
            }
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = n * multiplier;
        return true;
    }
}
