using YamlDotNet.Core;

namespace DevOpsLens.Engine.Iac.Yaml;

/// <summary>
/// A YAML node with the exact UTF-16 offsets of its source text. Aliases resolve to the anchored node itself
/// (shared, not copied), so a node can be reached by several paths.
/// </summary>
internal abstract class YNode
{
    protected YNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; internal set; }

    /// <summary>Scalar value, or null for collections.</summary>
    public string? Text => (this as YScalar)?.Value;

    public YMap? AsMap => this as YMap;
}

internal sealed class YScalar : YNode
{
    public YScalar(int start, int end, string value, ScalarStyle style)
        : base(start, end)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <summary>A plain empty, <c>~</c> or <c>null</c> value.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");
}

internal sealed class YSeq : YNode
{
    public YSeq(int start, int end)
        : base(start, end)
    {
    }

    public List<YNode> Items { get; } = new();
}

internal sealed class YPair
{
    public YPair(YNode key, YNode value)
    {
        Key = key;
        Value = value;
    }

    public YNode Key { get; }

    public YNode Value { get; }

    public string? KeyText => Key.Text;
}

internal sealed class YMap : YNode
{
    public YMap(int start, int end)
        : base(start, end)
    {
    }

    /// <summary>The pairs written in this mapping, in order (merge keys included as written).</summary>
    public List<YPair> Pairs { get; } = new();

    /// <summary>The pairs in effect: own keys first, then keys merged with <c>&lt;&lt;: *anchor</c> that are not overridden.</summary>
    public IEnumerable<YPair> Entries
    {
        get
        {
            HashSet<string>? own = null;
            foreach (var pair in Pairs)
            {
                if (pair.KeyText != "<<")
                {
                    (own ??= new HashSet<string>(StringComparer.Ordinal)).Add(pair.KeyText ?? string.Empty);
                    yield return pair;
                }
            }

            foreach (var pair in Pairs)
            {
                if (pair.KeyText != "<<")
                {
                    continue;
                }

                var sources = pair.Value is YSeq seq ? seq.Items : new List<YNode> { pair.Value };
                foreach (var source in sources)
                {
                    if (source is not YMap merged || ReferenceEquals(merged, this))
                    {
                        continue;
                    }

                    foreach (var inherited in merged.Pairs)
                    {
                        if (inherited.KeyText != "<<" && (own ??= new HashSet<string>(StringComparer.Ordinal)).Add(inherited.KeyText ?? string.Empty))
                        {
                            yield return inherited;
                        }
                    }
                }
            }
        }
    }

    public YPair? GetPair(string key)
    {
        foreach (var pair in Entries)
        {
            if (string.Equals(pair.KeyText, key, StringComparison.Ordinal))
            {
                return pair;
            }
        }

        return null;
    }

    public YNode? this[string key] => GetPair(key)?.Value;

    public YMap? Map(string key) => this[key] as YMap;

    public YSeq? Seq(string key) => this[key] as YSeq;

    public string? Str(string key) => this[key]?.Text;

    public bool Has(string key) => GetPair(key) != null;
}

/// <summary>One document of a YAML stream.</summary>
internal sealed class YDocument
{
    public YDocument(YNode? root)
    {
        Root = root;
    }

    public YNode? Root { get; }

    public YMap? RootMap => Root as YMap;
}
