using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Analysis;

/// <summary>Converts LSP positions (UTF-16 code units) to offsets and applies content changes. Pure functions over immutable strings.</summary>
internal static class DocumentText
{
    /// <summary>
    /// Offset of an LSP position. A character past the end of the line's content clamps to the end of the content
    /// (before the line break), and a line past the end clamps to the end of the text, as the LSP spec asks.
    /// </summary>
    public static int ToOffset(string text, LineMap lines, Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= lines.LineCount)
        {
            return text.Length;
        }

        var start = lines.GetLineStart(position.Line);
        var end = lines.GetLineEnd(position.Line, text);
        return Math.Clamp(start + Math.Max(0, position.Character), start, end);
    }

    public static Position ToPosition(LineMap lines, int offset)
    {
        var p = lines.GetPosition(offset);
        return new Position { Line = p.Line, Character = p.Character };
    }

    public static LspRange ToRange(LineMap lines, TextRange range) =>
        new() { Start = ToPosition(lines, range.Start), End = ToPosition(lines, range.End) };

    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text;
                continue;
            }

            var lines = LineMap.Create(text);
            var start = ToOffset(text, lines, change.Range.Start);
            var end = Math.Max(start, ToOffset(text, lines, change.Range.End));
            text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
        }

        return text;
    }
}
