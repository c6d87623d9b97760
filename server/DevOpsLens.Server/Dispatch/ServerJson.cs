using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Dispatch;

/// <summary>One set of serializer options for every message, so optional LSP fields are omitted rather than sent as null.</summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };
}
