using System.Text.RegularExpressions;

namespace DevOpsLens.Engine.Iac.Dependencies;

internal static class NuGetVersions
{
    private static readonly Regex Prerelease = new(@"^\s*\[?\s*v?\d+(?:\.\d+){0,3}-[0-9A-Za-z]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Major = new(@"\d+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Why a version floats (<c>*</c>, an open-ended range), or null.</summary>
    public static string? FloatingReason(string version)
    {
        var v = version.Trim();
        if (IsProperty(v))
        {
            return null;
        }

        if (v.IndexOf('*') >= 0)
        {
            return "wildcard";
        }

        if ((v.StartsWith("[", StringComparison.Ordinal) || v.StartsWith("(", StringComparison.Ordinal)) && v.IndexOf(',') >= 0)
        {
            var upper = v.Substring(v.IndexOf(',') + 1).TrimEnd(')', ']').Trim();
            return upper.Length == 0 ? "open-ended range" : null;
        }

        return null;
    }

    public static bool IsPrerelease(string version) => !IsProperty(version) && version.IndexOf('*') < 0 && Prerelease.IsMatch(version);

    /// <summary>Major version of a version or of a range's lower bound.</summary>
    public static int? MajorOf(string? version)
    {
        if (version == null || IsProperty(version))
        {
            return null;
        }

        var m = Major.Match(version);
        return m.Success && int.TryParse(m.Value, out var n) ? n : null;
    }

    private static bool IsProperty(string v) => v.IndexOf("$(", StringComparison.Ordinal) >= 0;
}
