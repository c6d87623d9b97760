namespace DevOpsLens.Engine.Iac.Yaml;

/// <summary>
/// Unrendered Helm (and similar Go-template) files are not YAML until rendered: their structure depends on
/// values we do not have. They are skipped with a note instead of being reported as malformed.
/// </summary>
internal static class HelmTemplates
{
    public static bool IsUnrenderedTemplate(string path, string text)
    {
        if (text.IndexOf("{{", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var normalized = "/" + path.Replace('\\', '/');
        if (normalized.IndexOf("/templates/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        // Outside a chart's templates/ folder, only Go-template actions at the start of a line or as a whole value
        // ({{- if …}}, {{ include … }}) mark a template; ${{ }} in workflows and {{ }} inside quoted strings do not.
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("{{", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
