using System.Collections.Generic;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Rules;

/// <summary>Replace <see cref="Range"/> of the document text with <see cref="NewText"/>.</summary>
public sealed class TextEdit
{
    public TextEdit(TextRange range, string newText)
    {
        Range = range;
        NewText = newText;
    }

    public TextRange Range { get; }

    public string NewText { get; }
}

/// <summary>A mechanical fix: a title for the editor's light bulb and non-overlapping edits to one document.</summary>
public sealed class TextFix
{
    public TextFix(string title, IReadOnlyList<TextEdit> edits, string? equivalenceKey = null)
    {
        Title = title;
        Edits = edits;
        EquivalenceKey = equivalenceKey ?? title;
    }

    public string Title { get; }

    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Fixes with the same key can be applied together (fix all in document / repository).</summary>
    public string EquivalenceKey { get; }
}

/// <summary>
/// Quick fixes for engine findings, shared by the language server's code actions and <c>devopslens fix</c>.
/// Pure, like the checks: document and finding in, edits out.
/// </summary>
public interface IFixProvider
{
    IReadOnlyList<string> FixableRuleIds { get; }

    IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding);
}

public static class TextEdits
{
    /// <summary>Applies non-overlapping edits (any order) and returns the new text.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var sorted = new List<TextEdit>(edits);
        sorted.Sort((a, b) => b.Range.Start.CompareTo(a.Range.Start));
        var sb = new System.Text.StringBuilder(text);
        var lastStart = int.MaxValue;
        foreach (var edit in sorted)
        {
            if (edit.Range.End > lastStart)
            {
                throw new System.ArgumentException("Overlapping edits", nameof(edits));
            }

            sb.Remove(edit.Range.Start, edit.Range.Length);
            sb.Insert(edit.Range.Start, edit.NewText);
            lastStart = edit.Range.Start;
        }

        return sb.ToString();
    }
}
