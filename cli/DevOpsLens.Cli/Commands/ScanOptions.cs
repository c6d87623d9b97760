using System.CommandLine;
using DevOpsLens.Cli.Git;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary>The options <c>check</c> and <c>baseline</c> share: what to scan and how big a file may be.</summary>
internal sealed class ScanOptions
{
    public Argument<string[]> Paths { get; } = new("paths")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Files or folders to check (default: the whole repository). Named files are checked even if .gitignore lists them.",
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Only check files matching this glob (editorconfig syntax, repeatable or comma-separated; a glob without '/' matches at any depth).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Skip files matching this glob, or inside a folder that matches (repeatable or comma-separated).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Largest file to check, in bytes or with KB/MB/GB (default 5MB, or devopslens.max_file_size).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
        command.Options.Add(MaxFileSize);
    }

    /// <summary>
    /// The repository root: the git working tree containing the single folder argument (or the current folder),
    /// else that folder itself. Paths are passed on as full paths.
    /// </summary>
    public (string Root, ScanRequest Request) Resolve(ParseResult parse)
    {
        var paths = parse.GetValue(Paths) ?? [];
        var cwd = Directory.GetCurrentDirectory();
        var full = paths.Select(p => Path.GetFullPath(p, cwd)).ToList();
        foreach (var (path, original) in full.Zip(paths))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new UsageException(original.StartsWith('-')
                    ? "Unknown option '" + original + "'. Run 'devopslens " + parse.CommandResult.Command.Name + " --help' for usage."
                    : "No such file or directory: " + original);
            }
        }

        var start = full.Count == 1 && Directory.Exists(full[0]) ? full[0] : cwd;
        var root = RepositoryRoot.Find(start) ?? start;
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (root.Length == 0)
        {
            root = Path.GetPathRoot(start) ?? start;
        }

        var scanPaths = full.Where(p => !string.Equals(p.TrimEnd(Path.DirectorySeparatorChar), root, StringComparison.Ordinal)).ToList();

        long? maxSize = null;
        var rawSize = parse.GetValue(MaxFileSize);
        if (rawSize != null)
        {
            if (!FileSize.TryParse(rawSize, out var size))
            {
                throw new UsageException("--max-file-size: '" + rawSize + "' is not a size (use bytes, or a number with KB, MB or GB)");
            }

            maxSize = size;
        }

        var include = SplitGlobs(parse.GetValue(Include));
        var exclude = SplitGlobs(parse.GetValue(Exclude));
        try
        {
            _ = new PathFilter(include, exclude);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        return (root, new ScanRequest { Paths = scanPaths, Include = include, Exclude = exclude, MaxFileSize = maxSize });
    }

    private static IReadOnlyList<string> SplitGlobs(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}

/// <summary>Where a command writes, and whether it may use colour and progress.</summary>
internal static class Terminal
{
    public static TextWriter Out(ParseResult parse) => parse.InvocationConfiguration.Output;

    public static TextWriter Error(ParseResult parse) => parse.InvocationConfiguration.Error;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Colour only for a real console (not a file, pipe or test writer) and when NO_COLOR is unset.</summary>
    public static bool UseColor(ParseResult parse) =>
        ReferenceEquals(Out(parse), Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") == null;

    public static bool ShowProgress(ParseResult parse, bool disabled) =>
        !disabled && !IsCi && ReferenceEquals(Error(parse), Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes a report to --output (UTF-8, no BOM) or to standard output.</summary>
    public static void WriteTo(ParseResult parse, string? file, Action<TextWriter> write)
    {
        if (file == null)
        {
            write(Out(parse));
            Out(parse).Flush();
            return;
        }

        var full = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(full);
        if (folder != null)
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }
}

/// <summary>"Checked 120/2000 files" on one stderr line, redrawn at most ten times a second.</summary>
internal sealed class ConsoleProgress(TextWriter error) : IProgress<ScanProgress>, IDisposable
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly object _lock = new();
    private long _last = -1000;
    private bool _drawn;

    public void Report(ScanProgress value)
    {
        lock (_lock)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _last < 100)
            {
                return;
            }

            _last = now;
            var text = value.FilesTotal > 0 ? "Checked " + value.FilesDone + "/" + value.FilesTotal + " files" : "Checked " + value.FilesDone + " files (" + value.CurrentPath + ")";
            error.Write("\r" + text.PadRight(60));
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                error.Write("\r" + new string(' ', 60) + "\r");
            }
        }
    }
}
