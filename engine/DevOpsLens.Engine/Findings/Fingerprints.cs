using System;
using System.Security.Cryptography;
using System.Text;

namespace DevOpsLens.Engine.Findings;

/// <summary>
/// Line-independent identities for findings: a hash of (rule, path, normalized content). Used by the baseline and
/// SARIF partialFingerprints, so moving code up or down does not resurrect a baselined finding.
/// </summary>
public static class Fingerprints
{
    private const string Hex = "0123456789abcdef";

    // One hash object per thread: creating one per finding (an OpenSSL context each time) was a visible share of a
    // scan with many findings. Not shared between threads, so no locking.
    [ThreadStatic]
    private static SHA256? _sha;

    public static string Compute(string ruleId, string path, string content, int occurrence = 0)
    {
        var normalized = Normalize(content);
        var input = ruleId + "\n" + path.Replace('\\', '/') + "\n" + normalized + (occurrence > 0 ? "\n#" + occurrence : string.Empty);
        var hash = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(input));
        var chars = new char[32];
        for (var i = 0; i < 16; i++)
        {
            chars[2 * i] = Hex[hash[i] >> 4];
            chars[(2 * i) + 1] = Hex[hash[i] & 0xF];
        }

        return new string(chars);
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
