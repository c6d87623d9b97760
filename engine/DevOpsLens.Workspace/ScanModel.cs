using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Workspace;

/// <summary>What to scan. Paths and globs are relative to the repository root (absolute paths are accepted too).</summary>
public sealed class ScanRequest
{
    /// <summary>Files or folders to scan; empty means the whole repository. Named files bypass .gitignore.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>When not empty, only files matching one of these globs (editorconfig syntax; a glob without '/' matches at any depth).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Files matching one of these globs, or inside a folder that does, are not scanned.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Overrides devopslens.max_file_size for this scan.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>False: ignore the baseline (report everything as new).</summary>
    public bool UseBaseline { get; init; } = true;

    /// <summary>A baseline file other than .devopslens/baseline.json.</summary>
    public string? BaselinePath { get; init; }
}

/// <summary>The outcome of a scan: findings sorted by path, position and rule; counts for the summary.</summary>
public sealed class ScanResult
{
    public ScanResult(IReadOnlyList<Finding> findings, int filesChecked, int filesSkipped)
    {
        Findings = findings;
        FilesChecked = filesChecked;
        FilesSkipped = filesSkipped;
    }

    public IReadOnlyList<Finding> Findings { get; }

    public int FilesChecked { get; }

    /// <summary>Binary, too large or unreadable files (too large / unreadable / NUL-byte files also have a DL9xxx finding).</summary>
    public int FilesSkipped { get; }
}

/// <summary>Progress of a scan, reported at most once per file.</summary>
public readonly record struct ScanProgress(int FilesDone, int FilesTotal, string? CurrentPath);

/// <summary>
/// A source of quick fixes beyond the engine's <see cref="IFixProvider"/>s — the C# code fixes of
/// DevOpsLens.Analyzers.CodeFixes plug in here (the language server registers it).
/// </summary>
public interface IFixSource
{
    IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding, CancellationToken cancellationToken);
}

/// <summary>How a <see cref="WorkspaceAnalyzer"/> is composed.</summary>
public sealed class WorkspaceOptions
{
    public RuleRegistry Rules { get; init; } = RuleRegistry.Default;

    /// <summary>Size limit when neither the request nor devopslens.max_file_size sets one.</summary>
    public long DefaultMaxFileSize { get; init; } = Files.FileContent.DefaultMaxFileSize;

    /// <summary>Roslyn analyzers for C#; null loads every analyzer in DevOpsLens.Analyzers. Empty disables the in-process compiler.</summary>
    public IReadOnlyList<DiagnosticAnalyzer>? Analyzers { get; init; }

    /// <summary>Where configuration files are read from; null reads the disk. The language server overlays open buffers.</summary>
    public Engine.Configuration.IConfigurationFileReader? ConfigurationReader { get; init; }

    public IReadOnlyList<IFixSource> FixSources { get; init; } = [];
}
