using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace DevOpsLens.Engine.Configuration;

/// <summary>How the resolver reads configuration files; the host decides where they live (disk, editor buffers, a test dictionary).</summary>
public interface IConfigurationFileReader
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);
}

/// <summary>Everything the configuration says about one document.</summary>
public sealed class ResolvedConfiguration
{
    public ResolvedConfiguration(RuleOptions options, string? excludedBy, long? maxFileSize)
    {
        Options = options;
        ExcludedBy = excludedBy;
        MaxFileSize = maxFileSize;
    }

    public RuleOptions Options { get; }

    /// <summary>True when a <c>devopslens.exclude</c> glob matches the document.</summary>
    public bool IsExcluded => ExcludedBy != null;

    /// <summary>The matching exclude glob and the file that declared it, for messages.</summary>
    public string? ExcludedBy { get; }

    /// <summary><c>devopslens.max_file_size</c> when set and valid.</summary>
    public long? MaxFileSize { get; }
}

/// <summary>
/// Resolves .editorconfig and .globalconfig for a path with Roslyn's semantics: every .editorconfig from the
/// document's folder upwards until one says <c>root = true</c>, applied farthest first so the nearest wins, sections
/// in file order (later wins); global configs (files named .globalconfig in the same folders, or any file with
/// <c>is_global = true</c>) apply first, ordered by <c>global_level</c>, so any .editorconfig overrides them.
/// Paths are forward-slash paths in the reader's space (usually absolute). Thread-safe; cached until <see cref="Invalidate"/>.
/// </summary>
public sealed class ConfigurationResolver
{
    public const string EditorConfigName = ".editorconfig";
    public const string GlobalConfigName = ".globalconfig";

    private static readonly ResolvedConfiguration Unconfigured = new(RuleOptions.Default, null, null);

    private readonly IConfigurationFileReader _reader;
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Chain> _chains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConfigurationProblem> _resolveProblems = new(StringComparer.Ordinal);

    public ConfigurationResolver(IConfigurationFileReader reader) => _reader = reader;

    /// <summary>Drops every cached file; call after a configuration file changed.</summary>
    public void Invalidate()
    {
        _files.Clear();
        _chains.Clear();
        _resolveProblems.Clear();
    }

    /// <summary>Problems in every configuration file read so far, sorted by file and line.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems =>
        _files.Values.Where(f => f != null).SelectMany(f => f!.Problems)
            .Concat(_resolveProblems.Values)
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Message, StringComparer.Ordinal)
            .ToList();

    /// <summary>The configuration files that were read so far (for hosts that watch them).</summary>
    public IReadOnlyList<EditorConfigFile> LoadedFiles =>
        _files.Values.Where(f => f != null).Select(f => f!).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public ResolvedConfiguration Resolve(string path)
    {
        path = path.Replace('\\', '/');
        var chain = GetChain(ParentOf(path) ?? string.Empty);
        if (chain.EditorConfigs.Count == 0 && chain.GlobalLevels.Count == 0)
        {
            // No configuration file anywhere above: every such document shares the defaults.
            return Unconfigured;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? excludedBy = null;

        foreach (var level in chain.GlobalLevels)
        {
            var levelValues = new Dictionary<string, (string Value, EditorConfigFile File)>(StringComparer.OrdinalIgnoreCase);
            var conflicts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in level)
            {
                var fileValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in file.Preamble)
                {
                    fileValues[p.Key] = p.Value;
                }

                foreach (var section in file.Sections)
                {
                    if (IsGlobalSectionMatch(file, section, path))
                    {
                        foreach (var p in section.Properties)
                        {
                            fileValues[p.Key] = p.Value;
                        }
                    }
                }

                foreach (var pair in fileValues)
                {
                    if (levelValues.TryGetValue(pair.Key, out var existing) && !string.Equals(existing.Value, pair.Value, StringComparison.Ordinal))
                    {
                        conflicts.Add(pair.Key);
                        var message = "'" + pair.Key + "' is set differently in " + existing.File.Path + " and " + file.Path + " with the same global_level; the setting is ignored (give one file a higher global_level)";
                        _resolveProblems.TryAdd(file.Path + "\n" + pair.Key, new ConfigurationProblem(file.Path, -1, message));
                    }

                    levelValues[pair.Key] = (pair.Value, file);
                }
            }

            foreach (var pair in levelValues)
            {
                if (conflicts.Contains(pair.Key))
                {
                    continue;
                }

                values[pair.Key] = pair.Value.Value;
                excludedBy ??= CheckExclude(pair.Key, pair.Value.Value, pair.Value.File, path, sectionMatched: false);
            }
        }

        for (var i = chain.EditorConfigs.Count - 1; i >= 0; i--)
        {
            var file = chain.EditorConfigs[i];
            var relative = RelativeTo(file.Directory, path);
            foreach (var p in file.Preamble)
            {
                if (p.Key.StartsWith("devopslens.", StringComparison.Ordinal))
                {
                    values[p.Key] = p.Value;
                    excludedBy ??= CheckExclude(p.Key, p.Value, file, path, sectionMatched: false);
                }
            }

            foreach (var section in file.Sections)
            {
                if (section.Glob == null || !section.Glob.IsMatch(relative))
                {
                    continue;
                }

                foreach (var p in section.Properties)
                {
                    values[p.Key] = p.Value;
                    excludedBy ??= CheckExclude(p.Key, p.Value, file, path, sectionMatched: true, section.Name);
                }
            }
        }

        // The product key, or the same setting spelled as DL9004's rule option.
        long? maxSize = (values.TryGetValue("devopslens.max_file_size", out var rawSize) || values.TryGetValue("devopslens.dl9004.max_file_size", out rawSize))
            && FileSize.TryParse(rawSize, out var size) ? size : null;
        return new ResolvedConfiguration(new RuleOptions(values), excludedBy, maxSize);
    }

    /// <summary>The parsed file at <paramref name="path"/> (cached), or null when absent.</summary>
    public EditorConfigFile? GetFile(string path) =>
        _files.GetOrAdd(path, p =>
        {
            var text = _reader.ReadText(p);
            if (text == null)
            {
                return null;
            }

            var name = p.Substring(p.LastIndexOf('/') + 1);
            return EditorConfigFile.Parse(p, text, forceGlobal: string.Equals(name, GlobalConfigName, StringComparison.OrdinalIgnoreCase));
        });

    private static string? CheckExclude(string key, string value, EditorConfigFile file, string path, bool sectionMatched, string? sectionName = null)
    {
        if (!string.Equals(key, "devopslens.exclude", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (sectionMatched && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "[" + sectionName + "] in " + file.Path;
        }

        var relative = RelativeTo(file.Directory, path);
        foreach (var part in value.Split(','))
        {
            var glob = part.Trim();
            if (glob.Length == 0 || string.Equals(glob, "false", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (EditorConfigGlob.TryCreate(glob, out var compiled, out _) && compiled!.IsMatch(relative))
            {
                return glob + " in " + file.Path;
            }
        }

        return null;
    }

    private static bool IsGlobalSectionMatch(EditorConfigFile file, EditorConfigSection section, string path)
    {
        // Roslyn matches global config sections against the full path, exactly; a section relative to the file's folder is accepted too.
        var name = section.Name.Replace('\\', '/');
        if (string.Equals(name, path, StringComparison.Ordinal))
        {
            return true;
        }

        var relative = RelativeTo(file.Directory, path);
        return string.Equals(name.TrimStart('/'), relative, StringComparison.Ordinal);
    }

    private Chain GetChain(string directory) =>
        _chains.GetOrAdd(directory, dir =>
        {
            var editorConfigs = new List<EditorConfigFile>();
            var globals = new List<EditorConfigFile>();
            string? current = dir;
            var stop = false;
            while (current != null && !stop)
            {
                var editorConfig = GetFile(Combine(current, EditorConfigName));
                if (editorConfig != null)
                {
                    if (editorConfig.IsGlobal)
                    {
                        globals.Add(editorConfig);
                    }
                    else
                    {
                        editorConfigs.Add(editorConfig);
                        stop = editorConfig.IsRoot;
                    }
                }

                var global = GetFile(Combine(current, GlobalConfigName));
                if (global != null)
                {
                    globals.Add(global);
                }

                current = ParentOf(current);
            }

            var levels = globals
                .GroupBy(g => g.GlobalLevel)
                .OrderBy(g => g.Key)
                .Select(g => (IReadOnlyList<EditorConfigFile>)g.OrderBy(f => f.Path, StringComparer.Ordinal).ToList())
                .ToList();
            return new Chain(editorConfigs, levels);
        });

    private static string Combine(string directory, string name) => directory.Length == 0 ? "/" + name : directory + "/" + name;

    /// <summary>"/a/b/c" → "/a/b"; "/a" → ""; "" → null (the top).</summary>
    private static string? ParentOf(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var slash = path.LastIndexOf('/');
        return slash <= 0 ? string.Empty : path.Substring(0, slash);
    }

    private static string RelativeTo(string directory, string path)
    {
        if (directory.Length == 0)
        {
            return path.TrimStart('/');
        }

        return path.Length > directory.Length && path.StartsWith(directory, StringComparison.Ordinal) && path[directory.Length] == '/'
            ? path.Substring(directory.Length + 1)
            : path;
    }

    private sealed class Chain
    {
        public Chain(IReadOnlyList<EditorConfigFile> editorConfigs, IReadOnlyList<IReadOnlyList<EditorConfigFile>> globalLevels)
        {
            EditorConfigs = editorConfigs;
            GlobalLevels = globalLevels;
        }

        /// <summary>Nearest first.</summary>
        public IReadOnlyList<EditorConfigFile> EditorConfigs { get; }

        /// <summary>Lowest global_level first.</summary>
        public IReadOnlyList<IReadOnlyList<EditorConfigFile>> GlobalLevels { get; }
    }
}
