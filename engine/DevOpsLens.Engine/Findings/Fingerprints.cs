using System.Security.Cryptography;
using System.Text;

namespace DevOpsLens.Engine.Findings;

/// <summary>
/// Line-independent identities for findings: a hash of (rule, path, normalized content). Used by the baseline and
/// SARIF partialFingerprints, so moving code up or down does not resurrect a baselined finding.
/// </summary>
public static class Fingerprints
{
    public static string Compute(string ruleId, string path, string content, int occurrence = 0)
    {
        var normalized = Normalize(content);
        var input = ruleId + "\n" + path.Replace('\\', '/') + "\n" + normalized + (occurrence > 0 ? "\n#" + occurrence : string.Empty);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
        var sb = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Collapses whitespace so re-indentation and line-ending changes keep the identity.</summary>
    public static string Normalize(string content)
    {
        var sb = new StringBuilder(content.Length);
        var space = false;
        foreach (var c in content)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
