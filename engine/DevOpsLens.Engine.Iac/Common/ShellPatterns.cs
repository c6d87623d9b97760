using System.Text.RegularExpressions;

namespace DevOpsLens.Engine.Iac.Common;

/// <summary>Shell-text patterns shared by Dockerfile RUN, CI scripts and shell scripts.</summary>
internal static class ShellPatterns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // curl/wget … | [sudo …] [env …] sh|bash|python…; the segment before the pipe stops at ; & | and line ends,
    // so the match stays within one command and is linear.
    private static readonly Regex PipeRegex = new(
        @"\b(?:curl|wget)\b[^\n|;&]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+(?:\w+=\S*\s+)*)?(?:/usr)?(?:/local)?(?:/bin/)?(?:bash|sh|zsh|dash|ksh|fish|python[0-9.]*|perl|ruby|node)\b"
        + @"|\b(?:bash|sh|zsh|source)\s+(?:-\S+\s+)*[""']?(?:<\(|\$\()\s*(?:curl|wget)\b[^)\n]*\)"
        + @"|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n|;]*\|\s*(?:iex|Invoke-Expression)\b"
        + @"|\b(?:iex|Invoke-Expression)\s*\(+\s*(?:New-Object\s+(?:System\.)?Net\.WebClient\)\.DownloadString|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n]*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    private static readonly Regex UrlRegex = new(@"https?://[^\s""'|;)<>`]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    /// <summary>Each download piped into an interpreter: its span in <paramref name="text"/> and the URL (or "the network").</summary>
    public static IEnumerable<(int Start, int End, string Source)> FindPipeToShell(string text)
    {
        if (text.IndexOf("curl", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("wget", StringComparison.OrdinalIgnoreCase) < 0
            && text.IndexOf("iwr", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("irm", StringComparison.OrdinalIgnoreCase) < 0
            && text.IndexOf("Invoke-", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("DownloadString", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return Array.Empty<(int, int, string)>();
        }

        var results = new List<(int, int, string)>();
        foreach (Match m in PipeRegex.Matches(text))
        {
            var url = UrlRegex.Match(m.Value);
            results.Add((m.Index, m.Index + m.Length, url.Success ? url.Value : "the network"));
        }

        return results;
    }

    public static bool IsUrl(string token) =>
        token.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
