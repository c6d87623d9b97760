using DevOpsLens.Engine.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DevOpsLens.Engine.Iac.Yaml;

/// <summary>Where and why a YAML file could not be parsed.</summary>
internal sealed record YamlError(string Message, int Start, int End);

/// <summary>
/// A parsed YAML file: every document of the stream with exact offsets, or the reason it was not parsed.
/// Structural rules only look at <see cref="Documents"/>, which is empty when the file is malformed or skipped.
/// </summary>
internal sealed class YamlFile
{
    /// <summary>More nodes than this (aliases counted as the size of what they point to) is treated as hostile input.</summary>
    internal const long MaxWeight = 2_000_000;

    /// <summary>Deeper nesting than this is rejected before any rule walks it recursively.</summary>
    internal const int MaxDepth = 256;

    private const string CacheKey = "iac.yaml";

    private YamlFile(IReadOnlyList<YDocument> documents, YamlError? error, string? skipReason)
    {
        Documents = documents;
        Error = error;
        SkipReason = skipReason;
    }

    public IReadOnlyList<YDocument> Documents { get; }

    public YamlError? Error { get; }

    /// <summary>Set when the file is deliberately not parsed (an unrendered template).</summary>
    public string? SkipReason { get; }

    public static YamlFile Get(DocumentContext document) => document.GetOrAdd(CacheKey, d => Parse(d.Path, d.Text, d.CancellationToken));

    public static YamlFile Parse(string path, string text, CancellationToken cancellationToken = default)
    {
        if (HelmTemplates.IsUnrenderedTemplate(path, text))
        {
            return new YamlFile(Array.Empty<YDocument>(), null, "it is an unrendered Helm template; run 'helm template' and check the output");
        }

        // YamlDotNet reads a byte-order mark as content; parse after it and shift every offset by one.
        var shift = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        try
        {
            var builder = new Builder(text, shift, cancellationToken);
            var documents = builder.Build(new Parser(new StringReader(shift == 0 ? text : text.Substring(1))));
            return new YamlFile(documents, null, null);
        }
        catch (YamlException ex)
        {
            var start = (int)Math.Min(ex.Start.Index + shift, text.Length);
            var end = (int)Math.Min(Math.Max(ex.End.Index + shift, start), text.Length);
            return new YamlFile(Array.Empty<YDocument>(), new YamlError(CleanMessage(ex.Message), start, end), null);
        }
        catch (LimitException ex)
        {
            return new YamlFile(Array.Empty<YDocument>(), new YamlError(ex.Message, ex.Offset, ex.Offset), null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // The parse result is shared by every rule; a parser fault must become one diagnostic, not one crash per rule.
            return new YamlFile(Array.Empty<YDocument>(), new YamlError("The YAML parser failed: " + ex.Message, 0, 0), null);
        }
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: …): "; the finding already carries the position.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        return (newline >= 0 ? text.Substring(0, newline) : text).Trim();
    }

    private sealed class LimitException : Exception
    {
        public LimitException(string message, int offset)
            : base(message) => Offset = offset;

        public int Offset { get; }
    }

    private sealed class Builder
    {
        private readonly string _text;
        private readonly int _shift;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, (YNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);

        public Builder(string text, int shift, CancellationToken cancellationToken)
        {
            _text = text;
            _shift = shift;
            _cancellationToken = cancellationToken;
        }

        public List<YDocument> Build(IParser parser)
        {
            var documents = new List<YDocument>();
            var stack = new List<Frame>();
            YNode? root = null;
            long weight = 0;
            var events = 0;
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                if ((++events & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                switch (e)
                {
                    case DocumentStart:
                        root = null;
                        weight = 0;
                        _anchors.Clear();
                        break;
                    case DocumentEnd:
                        documents.Add(new YDocument(root, documents.Count));
                        break;
                    case Scalar scalar:
                        Add(new YScalar(SkipProperties(Offset(scalar.Start), Offset(scalar.End)), Offset(scalar.End), scalar.Value, scalar.Style), scalar.Anchor, 1);
                        break;
                    case AnchorAlias alias:
                        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw new YamlException(alias.Start, alias.End, "Alias '*" + alias.Value.Value + "' refers to an undefined anchor.");
                        }

                        Add(target.Node, AnchorName.Empty, target.Weight);
                        break;
                    case MappingStart map:
                        Push(new YMap(Offset(map.Start), Offset(map.End)), map.Anchor);
                        break;
                    case SequenceStart seq:
                        Push(new YSeq(Offset(seq.Start), Offset(seq.End)), seq.Anchor);
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        var done = stack[stack.Count - 1];
                        stack.RemoveAt(stack.Count - 1);
                        done.Node.End = Math.Max(done.Node.End, Offset(e.End));
                        if (!done.Anchor.IsEmpty)
                        {
                            _anchors[done.Anchor.Value] = (done.Node, done.Weight);
                        }

                        Attach(done.Node, done.Weight);
                        break;
                }
            }

            return documents;

            void Push(YNode node, AnchorName anchor)
            {
                if (stack.Count >= MaxDepth)
                {
                    throw new LimitException("The document nests deeper than " + MaxDepth + " levels.", node.Start);
                }

                stack.Add(new Frame(node, anchor));
            }

            void Add(YNode node, AnchorName anchor, long nodeWeight)
            {
                if (!anchor.IsEmpty)
                {
                    _anchors[anchor.Value] = (node, nodeWeight);
                }

                Attach(node, nodeWeight);
            }

            void Attach(YNode node, long nodeWeight)
            {
                weight += nodeWeight;
                if (weight > MaxWeight)
                {
                    throw new LimitException("The document expands to more than " + MaxWeight + " nodes (aliases included), so it was not checked.", node.Start);
                }

                if (stack.Count == 0)
                {
                    root = node;
                    return;
                }

                var parent = stack[stack.Count - 1];
                parent.Weight += nodeWeight;
                if (parent.Node is YSeq seq)
                {
                    seq.Items.Add(node);
                }
                else if (parent.PendingKey == null)
                {
                    parent.PendingKey = node;
                }
                else
                {
                    ((YMap)parent.Node).Pairs.Add(new YPair(parent.PendingKey, node));
                    parent.PendingKey = null;
                }
            }
        }

        /// <summary>YamlDotNet starts a node at its anchor or tag (<c>&amp;img value</c>); findings belong on the value itself.</summary>
        private int SkipProperties(int start, int end)
        {
            var i = start;
            while (i < end && (_text[i] == '&' || _text[i] == '!'))
            {
                while (i < end && !char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                while (i < end && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }
            }

            return i < end ? i : start;
        }

        private int Offset(Mark mark) => (int)Math.Min(int.MaxValue, mark.Index + _shift);

        private sealed class Frame
        {
            public Frame(YNode node, AnchorName anchor)
            {
                Node = node;
                Anchor = anchor;
            }

            public YNode Node { get; }

            public AnchorName Anchor { get; }

            public YNode? PendingKey { get; set; }

            public long Weight { get; set; } = 1;
        }
    }
}
