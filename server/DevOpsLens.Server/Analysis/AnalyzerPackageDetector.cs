using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// Finds C# files whose project already runs the DevOpsLens analyzers (a PackageReference or GlobalPackageReference
/// to DevOpsLens.Analyzers in the nearest .csproj or a Directory.Packages.props / Directory.Build.props above it).
/// The build and the IDE's own C# support report those diagnostics; the server stays quiet so nothing shows twice.
/// </summary>
internal sealed class AnalyzerPackageDetector
{
    private static readonly Regex Reference = new(
        @"<(?:Global)?PackageReference\b[^>]*\b(?:Include|Update)\s*=\s*""DevOpsLens\.Analyzers""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    private readonly ConcurrentDictionary<string, bool> _byDirectory = new(StringComparer.Ordinal);

    public void Invalidate() => _byDirectory.Clear();

    public bool ProjectReferencesAnalyzers(string csharpPath)
    {
        var directory = Path.GetDirectoryName(csharpPath);
        return directory is not null && _byDirectory.GetOrAdd(directory, Detect);
    }

    private static bool Detect(string directory)
    {
        var dir = new DirectoryInfo(directory);
        var projectSeen = false;
        while (dir is not null)
        {
            try
            {
                if (!projectSeen)
                {
                    var projects = dir.GetFiles("*.csproj");
                    if (projects.Length > 0)
                    {
                        projectSeen = true;
                        if (projects.Any(p => Mentions(p.FullName)))
                        {
                            return true;
                        }
                    }
                }

                foreach (var name in new[] { "Directory.Packages.props", "Directory.Build.props" })
                {
                    var candidate = Path.Combine(dir.FullName, name);
                    if (File.Exists(candidate) && Mentions(candidate))
                    {
                        return true;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            if (File.Exists(Path.Combine(dir.FullName, ".git")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                break;
            }

            dir = dir.Parent;
        }

        return false;
    }

    private static bool Mentions(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > 4 * 1024 * 1024)
            {
                return false;
            }

            return Reference.IsMatch(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
