namespace DevOpsLens.Server.Analysis;

/// <summary>file:// URIs to local paths and back. Non-file URIs (untitled:, git:) have no path and are not analyzed from disk.</summary>
internal static class DocumentUris
{
    public static string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>Editors differ in escaping (VS Code encodes ':' in drive letters); compare by path when possible.</summary>
    public static string Normalize(string uri)
    {
        var path = ToPath(uri);
        return path is null ? uri : FromPath(path);
    }
}
