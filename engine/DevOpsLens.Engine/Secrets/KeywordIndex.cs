using System;
using System.Collections.Generic;
using System.Threading;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// The prefilter: every distinct detector keyword is searched once per text with an ordinal IndexOf (vectorised by the
/// runtime), and detectors only run where their keywords occur. Case-insensitive keywords are searched once each,
/// not once per detector.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly Dictionary<string, List<int>> _ordinal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _ignoreCase = new(StringComparer.OrdinalIgnoreCase);

    private KeywordIndex()
    {
    }

    public static KeywordIndex Build(string text, IEnumerable<(string Keyword, bool IgnoreCase)> keywords, CancellationToken ct)
    {
        var index = new KeywordIndex();
        foreach (var (keyword, ignoreCase) in keywords)
        {
            var map = ignoreCase ? index._ignoreCase : index._ordinal;
            if (map.ContainsKey(keyword))
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            map[keyword] = FindAll(text, keyword, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        return index;
    }

    public IReadOnlyList<int> Hits(string keyword, bool ignoreCase)
    {
        var map = ignoreCase ? _ignoreCase : _ordinal;
        return map.TryGetValue(keyword, out var list) ? list : (IReadOnlyList<int>)Array.Empty<int>();
    }

    /// <summary>Hits of several keywords, sorted and without duplicates.</summary>
    public List<int> Hits(IEnumerable<string> keywords, bool ignoreCase)
    {
        var all = new List<int>();
        foreach (var keyword in keywords)
        {
            all.AddRange(Hits(keyword, ignoreCase));
        }

        all.Sort();
        var write = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (write == 0 || all[write - 1] != all[i])
            {
                all[write++] = all[i];
            }
        }

        all.RemoveRange(write, all.Count - write);
        return all;
    }

    private static List<int> FindAll(string text, string keyword, StringComparison comparison)
    {
        var hits = new List<int>();
        var pos = 0;
        while (pos < text.Length)
        {
            var at = text.IndexOf(keyword, pos, comparison);
            if (at < 0)
            {
                break;
            }

            hits.Add(at);
            pos = at + keyword.Length;
        }

        return hits;
    }
}
