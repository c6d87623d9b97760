namespace DevOpsLens.Engine.Iac.Fixes;

internal static class FixText
{
    /// <summary>The document's line break, so inserted lines match the file.</summary>
    public static string NewLine(string text) => text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";

    /// <summary>End of the line that contains <paramref name="offset"/> (before its line break).</summary>
    public static int LineEnd(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        return i;
    }

    public static int LineStart(string text, int offset)
    {
        var i = Math.Min(offset, text.Length);
        while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r')
        {
            i--;
        }

        return i;
    }
}
