using System;
using System.Collections.Generic;
using System.Threading;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// A fixed set of detector keywords, compiled once into a table keyed by each keyword's first two characters
/// (ASCII, case-folded), so that one pass over a text finds every keyword.
/// </summary>
internal sealed class KeywordSet
{
    private static readonly byte[] Fold = BuildFold();

    public KeywordSet(IEnumerable<(string Keyword, bool IgnoreCase)> keywords)
    {
        var seen = new Dictionary<(string, bool), int>();
        var list = new List<(string, bool)>();
        foreach (var (keyword, ignoreCase) in keywords)
        {
            var key = (ignoreCase ? keyword.ToLowerInvariant() : keyword, ignoreCase);
            if (keyword.Length < 2 || seen.ContainsKey(key))
            {
                continue;
            }

            seen[key] = list.Count;
            list.Add((keyword, ignoreCase));
        }

        Keywords = list.ToArray();
        Buckets = new int[65536][];
        var buckets = new Dictionary<int, List<int>>();
        for (var id = 0; id < Keywords.Length; id++)
        {
            var keyword = Keywords[id].Keyword;
            var bigram = Bigram(keyword[0], keyword[1]);
            if (bigram < 0)
            {
                throw new ArgumentException("Keywords must start with two ASCII characters: " + keyword);
            }

            if (!buckets.TryGetValue(bigram, out var bucket))
            {
                buckets[bigram] = bucket = new List<int>();
            }

            bucket.Add(id);
        }

        foreach (var pair in buckets)
        {
            Buckets[pair.Key] = pair.Value.ToArray();
        }

        Ids = seen;
    }

    public (string Keyword, bool IgnoreCase)[] Keywords { get; }

    /// <summary>Keyword ids by case-folded first two characters.</summary>
    public int[]?[] Buckets { get; }

    public Dictionary<(string, bool), int> Ids { get; }

    public bool TryGetId(string keyword, bool ignoreCase, out int id) =>
        Ids.TryGetValue((ignoreCase ? keyword.ToLowerInvariant() : keyword, ignoreCase), out id);

    /// <summary>
    /// The ids of <paramref name="keywords"/>, resolved once: the scanner asks every detector on every file whether
    /// its keywords occur, and a per-file dictionary lookup per keyword was a large share of a small file's cost.
    /// </summary>
    public int[] IdsOf(IEnumerable<string> keywords, bool ignoreCase)
    {
        var ids = new List<int>();
        foreach (var keyword in keywords)
        {
            if (TryGetId(keyword, ignoreCase, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.ToArray();
    }

    /// <summary>The folded bigram of two characters, or -1 when either is not ASCII.</summary>
    public static int Bigram(char a, char b) => a < 128 && b < 128 ? (Fold[a] << 8) | Fold[b] : -1;

    private static byte[] BuildFold()
    {
        var fold = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            fold[c] = (byte)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }

        return fold;
    }
}

/// <summary>
/// The prefilter: one pass over the text finds every occurrence of every detector keyword (a two-character table
/// lookup per position, a comparison only where a keyword could start), and detectors only run where their keywords
/// occur.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly KeywordSet _set;
    private readonly List<int>?[] _hits;

    private KeywordIndex(KeywordSet set)
    {
        _set = set;
        _hits = new List<int>?[set.Keywords.Length];
    }

    public static KeywordIndex Build(string text, KeywordSet set, CancellationToken ct)
    {
        var index = new KeywordIndex(set);
        var buckets = set.Buckets;
        var keywords = set.Keywords;
        var last = text.Length - 1;
        for (var i = 0; i < last; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var bigram = KeywordSet.Bigram(text[i], text[i + 1]);
            if (bigram < 0)
            {
                continue;
            }

            var bucket = buckets[bigram];
            if (bucket == null)
            {
                continue;
            }

            foreach (var id in bucket)
            {
                var (keyword, ignoreCase) = keywords[id];
                if (i + keyword.Length <= text.Length &&
                    string.Compare(text, i, keyword, 0, keyword.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                {
                    (index._hits[id] ??= new List<int>()).Add(i);
                }
            }
        }

        return index;
    }

    /// <summary>Whether any of the keywords (ids from <see cref="KeywordSet.IdsOf"/>) occurs; allocates nothing.</summary>
    public bool Any(int[] ids)
    {
        foreach (var id in ids)
        {
            if (_hits[id] != null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hits of several keywords (ids from <see cref="KeywordSet.IdsOf"/>), sorted and without duplicates.</summary>
    public List<int> Hits(int[] ids)
    {
        if (ids.Length == 1 && _hits[ids[0]] is { } single)
        {
            return new List<int>(single);
        }

        var all = new List<int>();
        foreach (var id in ids)
        {
            if (_hits[id] is { } list)
            {
                all.AddRange(list);
            }
        }

        return SortDistinct(all);
    }

    public IReadOnlyList<int> Hits(string keyword, bool ignoreCase) =>
        _set.TryGetId(keyword, ignoreCase, out var id) && _hits[id] is { } list ? list : (IReadOnlyList<int>)Array.Empty<int>();

    /// <summary>Hits of several keywords, sorted and without duplicates.</summary>
    public List<int> Hits(IEnumerable<string> keywords, bool ignoreCase)
    {
        var all = new List<int>();
        foreach (var keyword in keywords)
        {
            all.AddRange(Hits(keyword, ignoreCase));
        }

        return SortDistinct(all);
    }

    private static List<int> SortDistinct(List<int> all)
    {
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
}
