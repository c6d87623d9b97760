namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>GitHub <c>${{ … }}</c> expressions found in raw source text.</summary>
internal static class Expressions
{
    /// <summary>Each expression's bounds in <paramref name="text"/> (from <c>${{</c> to after <c>}}</c>) and its inner text.</summary>
    public static IEnumerable<(int Start, int End, string Inner)> Find(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var open = text.IndexOf("${{", i, end - i, StringComparison.Ordinal);
            if (open < 0)
            {
                yield break;
            }

            var close = text.IndexOf("}}", open + 3, end - open - 3, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }

            yield return (open, close + 2, text.Substring(open + 3, close - open - 3).Trim());
            i = close + 2;
        }
    }
}
