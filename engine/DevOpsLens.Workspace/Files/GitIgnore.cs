using System.Text;
using System.Text.RegularExpressions;

namespace DevOpsLens.Workspace.Files;

/// <summary>
/// One .gitignore file, with git's semantics: blank lines and <c>#</c> comments skipped, <c>!</c> negates, a
/// trailing <c>/</c> matches directories only, a <c>/</c> at the start or in the middle anchors the pattern at the
/// file's folder (otherwise it matches at any depth), <c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> spans folders,
/// <c>[a-z]</c> classes and <c>\</c> escapes. Later lines win.
/// </summary>
public sealed class GitIgnoreFile
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly List<Pattern> _patterns;

    private GitIgnoreFile(string baseDirectory, List<Pattern> patterns)
    {
        BaseDirectory = baseDirectory;
        _patterns = patterns;
    }

    /// <summary>Repository-relative folder of the file ("" for the root), forward slashes.</summary>
    public string BaseDirectory { get; }

    public static GitIgnoreFile Parse(string baseDirectory, string text)
    {
        var patterns = new List<Pattern>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            line = TrimTrailingSpaces(line);
            if (line.Length == 0)
            {
                continue;
            }

            var negate = false;
            if (line[0] == '!')
            {
                negate = true;
                line = line.Substring(1);
            }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line.Substring(1);
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }

            var anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            var regex = Compile(line, anchored);
            if (regex != null)
            {
                patterns.Add(new Pattern(regex, negate, directoryOnly));
            }
        }

        return new GitIgnoreFile(baseDirectory.Trim('/'), patterns);
    }

    /// <summary>
    /// The verdict of this file for a path below its folder: true (ignored), false (re-included by <c>!</c>),
    /// null (no pattern matches).
    /// </summary>
    public bool? Match(string relativeToBase, bool isDirectory)
    {
        for (var i = _patterns.Count - 1; i >= 0; i--)
        {
            var p = _patterns[i];
            if (p.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            bool matched;
            try
            {
                matched = p.Regex.IsMatch(relativeToBase);
            }
            catch (RegexMatchTimeoutException)
            {
                matched = false;
            }

            if (matched)
            {
                return !p.Negate;
            }
        }

        return null;
    }

    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end >= 2 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line.Substring(0, end);
    }

    private static Regex? Compile(string pattern, bool anchored)
    {
        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*'
                && (i == 0 || pattern[i - 1] == '/')
                && (i + 2 == pattern.Length || pattern[i + 2] == '/'))
            {
                if (i + 2 == pattern.Length)
                {
                    sb.Append(".*");
                    i += 2;
                }
                else
                {
                    sb.Append("(?:.*/)?");
                    i += 3;
                }

                continue;
            }

            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    i++;
                    break;
                case '?':
                    sb.Append("[^/]");
                    i++;
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 2 <= pattern.Length ? i + 2 : i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        i++;
                        break;
                    }

                    var body = pattern.Substring(i + 1, close - i - 1);
                    var negate = body.Length > 0 && (body[0] == '!' || body[0] == '^');
                    if (negate)
                    {
                        body = body.Substring(1);
                    }

                    sb.Append(negate ? "[^/" : "[");
                    foreach (var ch in body)
                    {
                        sb.Append(ch == '\\' || ch == '[' || ch == ']' || ch == '^' ? "\\" + ch : ch.ToString());
                    }

                    sb.Append(']');
                    i = close + 1;
                    break;
                case '\\':
                    i++;
                    if (i < pattern.Length)
                    {
                        sb.Append(Regex.Escape(pattern[i].ToString()));
                        i++;
                    }

                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    i++;
                    break;
            }
        }

        // A pattern that names a folder also covers everything inside it.
        sb.Append("(?:/.*)?$");
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed record Pattern(Regex Regex, bool Negate, bool DirectoryOnly);
}

/// <summary>The .gitignore files that apply in one folder, outermost first; decides whether a child is ignored.</summary>
public sealed class GitIgnoreStack
{
    private readonly IReadOnlyList<GitIgnoreFile> _files;

    public GitIgnoreStack(IReadOnlyList<GitIgnoreFile> files) => _files = files;

    public static GitIgnoreStack Empty { get; } = new(Array.Empty<GitIgnoreFile>());

    public GitIgnoreStack Push(GitIgnoreFile? file) => file == null ? this : new GitIgnoreStack(_files.Append(file).ToArray());

    /// <summary>Ignored when the deepest .gitignore with a matching pattern says so (its last matching line decides).</summary>
    public bool IsIgnored(string repoRelativePath, bool isDirectory)
    {
        for (var i = _files.Count - 1; i >= 0; i--)
        {
            var file = _files[i];
            string relative;
            if (file.BaseDirectory.Length == 0)
            {
                relative = repoRelativePath;
            }
            else if (repoRelativePath.StartsWith(file.BaseDirectory + "/", StringComparison.Ordinal))
            {
                relative = repoRelativePath.Substring(file.BaseDirectory.Length + 1);
            }
            else
            {
                continue;
            }

            var verdict = file.Match(relative, isDirectory);
            if (verdict.HasValue)
            {
                return verdict.Value;
            }
        }

        return false;
    }
}
