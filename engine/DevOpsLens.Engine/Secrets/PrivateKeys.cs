using System;
using System.Collections.Generic;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// Private key blocks found by plain string search rather than a regex, so a huge or truncated block costs one linear
/// pass. Handles keys written as-is, inside JSON (<c>\n</c> escapes, the GCP service-account key file) and split over
/// concatenated string literals.
/// </summary>
internal static class PrivateKeys
{
    private const string Begin = "-----BEGIN ";
    private const int MaxBlock = 64 * 1024;

    public static IEnumerable<Candidate> FindPem(string text, int windowStart, int windowEnd)
    {
        var nextEnd = new Dictionary<string, int>(StringComparer.Ordinal);
        var pos = windowStart;
        while (pos < windowEnd)
        {
            var begin = text.IndexOf(Begin, pos, windowEnd - pos, StringComparison.Ordinal);
            if (begin < 0)
            {
                yield break;
            }

            pos = begin + Begin.Length;
            var labelEnd = text.IndexOf("-----", pos, Math.Min(48, text.Length - pos), StringComparison.Ordinal);
            if (labelEnd < 0)
            {
                continue;
            }

            var label = text.Substring(pos, labelEnd - pos);
            if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && !label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
            {
                continue;
            }

            var bodyStart = labelEnd + 5;
            var endMarker = "-----END " + label + "-----";
            var searchLength = Math.Min(MaxBlock, text.Length - bodyStart);

            // One search per label, reused while it is still ahead: many BEGIN markers must not each rescan 64 KB.
            if (!nextEnd.TryGetValue(label, out var cached) || (cached >= 0 && cached < bodyStart))
            {
                cached = text.IndexOf(endMarker, bodyStart, StringComparison.Ordinal);
                nextEnd[label] = cached;
            }

            var end = cached >= 0 && cached - bodyStart <= searchLength ? cached : -1;
            int blockEnd;
            int bodyEnd;
            if (end >= 0)
            {
                bodyEnd = end;
                blockEnd = end + endMarker.Length;
            }
            else
            {
                // Truncated block: underline the header and the base64 that follows it.
                bodyEnd = BodyEnd(text, bodyStart, searchLength);
                blockEnd = bodyEnd;
            }

            if (!HasKeyMaterial(text, bodyStart, bodyEnd))
            {
                continue;
            }

            var (id, provider) = Describe(text, begin, label);
            yield return new Candidate(RuleCatalog.PrivateKey, id, provider, begin, blockEnd);
            pos = blockEnd;
        }
    }

    public static IEnumerable<Candidate> FindPutty(string text, int windowStart, int windowEnd)
    {
        const string Header = "PuTTY-User-Key-File-";
        var pos = windowStart;
        while (pos < windowEnd)
        {
            var start = text.IndexOf(Header, pos, windowEnd - pos, StringComparison.Ordinal);
            if (start < 0)
            {
                yield break;
            }

            pos = start + Header.Length;
            var privateLines = text.IndexOf("Private-Lines:", pos, Math.Min(16 * 1024, text.Length - pos), StringComparison.Ordinal);
            if (privateLines < 0)
            {
                continue;
            }

            var end = LineEnd(text, privateLines);
            var mac = text.IndexOf("Private-MAC:", end, Math.Min(16 * 1024, text.Length - end), StringComparison.Ordinal);
            if (mac >= 0)
            {
                end = LineEnd(text, mac);
            }
            else
            {
                end = BodyEnd(text, end, Math.Min(16 * 1024, text.Length - end));
            }

            if (!HasKeyMaterial(text, privateLines, end))
            {
                continue;
            }

            yield return new Candidate(RuleCatalog.PrivateKey, "putty-private-key", "PuTTY private key", start, end);
            pos = end;
        }
    }

    private static (string Id, string Provider) Describe(string text, int begin, string label)
    {
        var from = Math.Max(0, begin - 4000);
        var around = text.Substring(from, Math.Min(text.Length, begin + 6000) - from);
        if (around.IndexOf("\"private_key\"", StringComparison.Ordinal) >= 0 &&
            (around.IndexOf("service_account", StringComparison.Ordinal) >= 0 || around.IndexOf("\"private_key_id\"", StringComparison.Ordinal) >= 0))
        {
            return ("gcp-service-account-key", "Google Cloud service account key");
        }

        if (label.StartsWith("OPENSSH", StringComparison.Ordinal))
        {
            return ("openssh-private-key", "OpenSSH private key");
        }

        if (label.StartsWith("PGP", StringComparison.Ordinal))
        {
            return ("pgp-private-key", "PGP private key block");
        }

        var kind = label.Substring(0, label.Length - "PRIVATE KEY".Length).Trim();
        return ("pem-private-key", kind.Length == 0 ? "Private key" : kind + " private key");
    }

    /// <summary>Where a run of base64, whitespace, escapes and string-concatenation punctuation ends.</summary>
    private static int BodyEnd(string text, int start, int length)
    {
        var last = start;
        var limit = Math.Min(text.Length, start + Math.Min(length, 8192));
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (IsBase64(c))
            {
                last = i + 1;
            }
            else if (c == '-' && i + 4 < limit && text[i + 1] == '-' && text[i + 2] == '-' && text[i + 3] == '-' && text[i + 4] == '-')
            {
                break;
            }
            else if (!(char.IsWhiteSpace(c) || c == '\\' || c == '"' || c == '\'' || c == '+' || c == ',' || c == ':' || c == '-'))
            {
                break;
            }
        }

        return last;
    }

    /// <summary>
    /// Real key material: at least 64 base64 characters in long unbroken runs (key lines are 64–70 characters), with
    /// variety and little else between the markers. "...", "&lt;key&gt;" fill-ins and code that merely mentions the
    /// markers fail.
    /// </summary>
    private static bool HasKeyMaterial(string text, int start, int end)
    {
        var count = 0;
        var other = 0;
        var run = 0;
        var maxRun = 0;
        var distinct = new HashSet<char>();
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (IsBase64(c))
            {
                count++;
                distinct.Add(c);
                run++;
                maxRun = Math.Max(maxRun, run);
                continue;
            }

            run = 0;
            if (c == '<' || (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.'))
            {
                return false;
            }

            if (!(char.IsWhiteSpace(c) || c == '\\' || c == '"' || c == '\'' || c == ','))
            {
                other++;
            }
        }

        return count >= 64 && distinct.Count >= 20 && maxRun >= 40 && other <= (count / 20) + 40;
    }

    private static int LineEnd(string text, int pos)
    {
        var end = text.IndexOf('\n', pos);
        if (end < 0)
        {
            return text.Length;
        }

        return end > pos && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static bool IsBase64(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}
