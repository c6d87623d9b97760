using System.Collections.Immutable;
using System.Text.Json;

namespace DevOpsLens.Server.Dispatch;

/// <summary>
/// Everything request handlers may read, as one immutable value. Only the request queue's mutating handlers
/// replace it (in arrival order); read-only handlers run concurrently on the value current when they arrived.
/// </summary>
internal sealed record ServerState
{
    public static ServerState Empty { get; } = new();

    public bool Initialized { get; init; }

    public bool ShutdownRequested { get; init; }

    public ClientFeatures Client { get; init; } = ClientFeatures.None;

    /// <summary>Absolute repository root, or null when the client opened single files only.</summary>
    public string? RootPath { get; init; }

    public ServerSettings Settings { get; init; } = ServerSettings.Default;

    /// <summary>The repository's analysis services, created at initialize.</summary>
    public Analysis.WorkspaceSession? Session { get; init; }

    /// <summary>Open documents keyed by the URI exactly as the client sent it.</summary>
    public ImmutableDictionary<string, DocumentSnapshot> Documents { get; init; } = ImmutableDictionary<string, DocumentSnapshot>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Bumped whenever configuration (settings, .editorconfig, baseline) changes, so cached results expire.</summary>
    public int ConfigurationGeneration { get; init; }
}

/// <summary>One open document at one version.</summary>
internal sealed record DocumentSnapshot(string Uri, string? Path, string LanguageId, int Version, string Text);

/// <summary>Editor-side behaviour only; rule configuration lives in the repository (.editorconfig).</summary>
internal sealed record ServerSettings(bool Enable, bool ScanOnStartup, Engine.Catalog.Severity MinimumSeverity)
{
    public static ServerSettings Default { get; } = new(true, true, Engine.Catalog.Severity.Note);

    /// <summary>Reads the <c>devopslens</c> section; unknown or malformed values keep their defaults.</summary>
    public static ServerSettings From(JsonElement? section)
    {
        if (section is not { ValueKind: JsonValueKind.Object } s)
        {
            return Default;
        }

        if (s.TryGetProperty("devopslens", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            s = nested;
        }

        var enable = ReadBool(s, "enable", Default.Enable);
        var scan = ReadBool(s, "scanOnStartup", Default.ScanOnStartup);
        var minimum = Default.MinimumSeverity;
        if (s.TryGetProperty("minimumSeverity", out var m) && m.ValueKind == JsonValueKind.String
            && Engine.Catalog.SeverityText.TryParse(m.GetString(), out var parsed) && parsed != Engine.Catalog.Severity.None)
        {
            minimum = parsed;
        }

        return new ServerSettings(enable, scan, minimum);
    }

    private static bool ReadBool(JsonElement e, string name, bool fallback) =>
        e.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : fallback;
}

/// <summary>The client capabilities this server negotiates on, read once from initialize.</summary>
internal sealed record ClientFeatures(
    bool PullDiagnostics,
    bool DiagnosticRefresh,
    bool Configuration,
    bool WatchedFilesDynamicRegistration,
    bool WorkDoneProgress,
    bool PublishVersionSupport)
{
    public static ClientFeatures None { get; } = new(false, false, false, false, false, false);

    public static ClientFeatures From(JsonElement capabilities)
    {
        if (capabilities.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        return new ClientFeatures(
            PullDiagnostics: Has(capabilities, "textDocument", "diagnostic"),
            DiagnosticRefresh: IsTrue(capabilities, "workspace", "diagnostics", "refreshSupport"),
            Configuration: IsTrue(capabilities, "workspace", "configuration"),
            WatchedFilesDynamicRegistration: IsTrue(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration"),
            WorkDoneProgress: IsTrue(capabilities, "window", "workDoneProgress"),
            PublishVersionSupport: IsTrue(capabilities, "textDocument", "publishDiagnostics", "versionSupport"));
    }

    private static bool Has(JsonElement e, params string[] path) => Walk(e, path) is { ValueKind: JsonValueKind.Object };

    private static bool IsTrue(JsonElement e, params string[] path) => Walk(e, path) is { ValueKind: JsonValueKind.True };

    private static JsonElement? Walk(JsonElement e, string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e;
    }
}
