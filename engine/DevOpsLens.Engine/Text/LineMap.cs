using System;
using System.Collections.Generic;

namespace DevOpsLens.Engine.Text;

/// <summary>A zero-based position: line, and character offset in UTF-16 code units (what LSP and Roslyn use).</summary>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    public LinePosition(int line, int character)
    {
        Line = line;
        Character = character;
    }

    public int Line { get; }

    public int Character { get; }

    public bool Equals(LinePosition other) => Line == other.Line && Character == other.Character;

    public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

    public override int GetHashCode() => (Line * 397) ^ Character;

    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => (Line + 1) + ":" + (Character + 1);
}

/// <summary>A half-open range of UTF-16 offsets into a document's text.</summary>
public readonly struct TextRange : IEquatable<TextRange>
{
    public TextRange(int start, int length)
    {
        if (start < 0 || length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public static TextRange FromBounds(int start, int end) => new(start, end - start);

    public bool Equals(TextRange other) => Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is TextRange other && Equals(other);

    public override int GetHashCode() => (Start * 397) ^ Length;

    public override string ToString() => "[" + Start + ".." + End + ")";
}

/// <summary>
/// Maps offsets to line/character positions and back. Lines end at \n, \r\n or \r, as in LSP.
/// Built once per document snapshot; lookups are O(log lines).
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    public int LineCount => _lineStarts.Length;

    public int TextLength => _length;

    public static LineMap Create(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return new LineMap(starts.ToArray(), text.Length);
    }

    public int GetLineStart(int line) => _lineStarts[Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Offset of the end of the line's content (before its line break).</summary>
    public int GetLineEnd(int line, string text)
    {
        var next = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        var end = next;
        while (end > _lineStarts[line] && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    public int GetLine(int offset)
    {
        offset = Clamp(offset, 0, _length);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Clamp(offset, 0, _length);
        var line = GetLine(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>Offset of a position; characters past the end of a line clamp to the next line's start, as LSP asks.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line >= _lineStarts.Length)
        {
            return _length;
        }

        if (position.Line < 0)
        {
            return 0;
        }

        var start = _lineStarts[position.Line];
        var next = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        return Clamp(start + Math.Max(0, position.Character), start, next);
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
}
