using System;
using System.Collections.Generic;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Suppressions;

/// <summary>
/// <c>devopslens-ignore DL1001: reason</c> (or several IDs, comma-separated) in a comment on the finding's line
/// or on the line above. Works in any file type because it only looks for the marker text; the reason is kept
/// as the suppression's justification.
/// </summary>
public sealed class InlineSuppressions
{
    public const string Marker = "devopslens-ignore";

    private readonly Dictionary<int, List<(string Id, string Reason)>> _byLine;

    private InlineSuppressions(Dictionary<int, List<(string Id, string Reason)>> byLine) => _byLine = byLine;

    public static InlineSuppressions Parse(string text, LineMap lines)
    {
        var byLine = new Dictionary<int, List<(string, string)>>();
        var index = text.IndexOf(Marker, StringComparison.Ordinal);
        while (index >= 0)
        {
            var line = lines.GetLine(index);
            var end = lines.GetLineEnd(line, text);
            var rest = text.Substring(index + Marker.Length, end - index - Marker.Length);
            foreach (var entry in ParseEntries(rest))
            {
                if (!byLine.TryGetValue(line, out var list))
                {
                    byLine[line] = list = new List<(string, string)>();
                }

                list.Add(entry);
            }

            index = text.IndexOf(Marker, end, StringComparison.Ordinal);
        }

        return new InlineSuppressions(byLine);
    }

    public bool IsEmpty => _byLine.Count == 0;

    /// <summary>Returns the reason when the rule is suppressed at the line (marker on the line or the line above).</summary>
    public bool TryGet(string ruleId, int line, out string reason)
    {
        for (var l = line; l >= line - 1 && l >= 0; l--)
        {
            if (_byLine.TryGetValue(l, out var list))
            {
                foreach (var (id, why) in list)
                {
                    if (string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase) || id == "*")
                    {
                        reason = why;
                        return true;
                    }
                }
            }
        }

        reason = string.Empty;
        return false;
    }

    private static IEnumerable<(string, string)> ParseEntries(string rest)
    {
        // rest looks like " DL1001, DL1005: reason -->" ; IDs up to the colon, the reason after it.
        var colon = rest.IndexOf(':');
        var idsPart = colon >= 0 ? rest.Substring(0, colon) : rest;
        var reason = colon >= 0 ? rest.Substring(colon + 1) : string.Empty;
        reason = TrimCommentClosers(reason.Trim());
        foreach (var raw in idsPart.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var id = raw.Trim();
            if (IsRuleId(id))
            {
                yield return (id.ToUpperInvariant(), reason);
            }
            else
            {
                break;
            }
        }
    }

    private static bool IsRuleId(string id)
    {
        if (id.Length != 6 || !(id[0] == 'D' || id[0] == 'd') || !(id[1] == 'L' || id[1] == 'l'))
        {
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (id[i] < '0' || id[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string TrimCommentClosers(string reason)
    {
        foreach (var closer in new[] { "-->", "*/", "#>", "--%>" })
        {
            if (reason.EndsWith(closer, StringComparison.Ordinal))
            {
                return reason.Substring(0, reason.Length - closer.Length).TrimEnd();
            }
        }

        return reason;
    }
}
