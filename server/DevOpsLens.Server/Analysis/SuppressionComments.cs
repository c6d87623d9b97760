using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Suppressions;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// The comment that carries <c>devopslens-ignore DLxxxx: reason</c> in each file kind. JSON (and notebooks, which
/// are JSON) have no comments, so they get no inline suppression: the baseline is the way there.
/// </summary>
internal static class SuppressionComments
{
    public const string ReasonPlaceholder = "<reason>";

    /// <summary>Returns null when the file kind has no comment syntax the server can rely on.</summary>
    public static (string Open, string Close)? For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".bat":
            case ".cmd":
                return ("REM", string.Empty);
            case ".sql":
            case ".lua":
                return ("--", string.Empty);
            case ".go":
            case ".java":
            case ".kt":
            case ".rs":
            case ".c":
            case ".cpp":
            case ".h":
            case ".swift":
            case ".scala":
            case ".fs":
                return ("//", string.Empty);
            case ".rb":
            case ".pl":
            case ".r":
                return ("#", string.Empty);
        }

        return DocumentClassifier.Classify(path) switch
        {
            DocumentKind.CSharp or DocumentKind.JavaScript or DocumentKind.Bicep => ("//", string.Empty),
            DocumentKind.Yaml or DocumentKind.Dockerfile or DocumentKind.DotEnv or DocumentKind.Shell or DocumentKind.PowerShell
                or DocumentKind.Python or DocumentKind.Terraform or DocumentKind.Properties => ("#", string.Empty),
            DocumentKind.Xml or DocumentKind.MSBuild or DocumentKind.Markdown => ("<!--", "-->"),
            _ => null,
        };
    }

    /// <summary>A whole line to insert above the finding's line, indented like it.</summary>
    public static string? BuildLine(string path, string ruleId, string indentation, string newline)
    {
        if (For(path) is not { } syntax)
        {
            return null;
        }

        // Dockerfile comments are only recognised at the start of a line.
        var indent = DocumentClassifier.Classify(path) == DocumentKind.Dockerfile ? string.Empty : indentation;
        var close = syntax.Close.Length > 0 ? " " + syntax.Close : string.Empty;
        return indent + syntax.Open + " " + InlineSuppressions.Marker + " " + ruleId + ": " + ReasonPlaceholder + close + newline;
    }
}
