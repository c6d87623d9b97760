using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Common;

/// <summary>Ranges for findings: exact to the token, without the trailing line breaks block scalars carry.</summary>
internal static class Spans
{
    public static TextRange Of(string text, int start, int end)
    {
        start = Math.Max(0, Math.Min(start, text.Length));
        end = Math.Max(start, Math.Min(end, text.Length));
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextRange.FromBounds(start, end);
    }

    public static TextRange Of(string text, YNode node) => Of(text, node.Start, node.End);

    /// <summary>From the key to the end of the value: <c>privileged: true</c>.</summary>
    public static TextRange Of(string text, YPair pair) => Of(text, pair.Key.Start, pair.Value.End);
}
