namespace DevOpsLens.Engine.Catalog;

/// <summary>How loudly a finding is reported. Mirrors the .editorconfig vocabulary.</summary>
public enum Severity
{
    /// <summary><c>none</c> or <c>silent</c>: the rule does not report.</summary>
    None = 0,

    /// <summary><c>suggestion</c>: SARIF <c>note</c>, LSP Information.</summary>
    Note = 1,

    /// <summary><c>warning</c>.</summary>
    Warning = 2,

    /// <summary><c>error</c>.</summary>
    Error = 3,
}

/// <summary>How sure a rule is that a finding is real. The CLI's thresholds use it beside severity.</summary>
public enum Confidence
{
    Low = 0,
    Medium = 1,
    High = 2,
}

public static class SeverityText
{
    /// <summary>Parses an .editorconfig severity word; returns false for an unknown word.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "suggestion":
            case "info":
            case "note":
                severity = Severity.Note;
                return true;
            case "silent":
            case "hidden":
            case "none":
                severity = Severity.None;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }

    public static string ToEditorConfig(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "suggestion",
        _ => "none",
    };

    public static string ToSarifLevel(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };
}
