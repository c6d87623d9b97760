using DevOpsLens.Engine.Iac.Yaml;

namespace DevOpsLens.Engine.Iac.Kubernetes;

internal static class YamlValues
{
    /// <summary>YAML 1.1 booleans as Kubernetes and compose read them.</summary>
    public static bool? Bool(YNode? node) => node?.Text?.Trim() switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    public static long? Int(YNode? node) => long.TryParse(node?.Text?.Trim(), out var n) ? n : null;
}
