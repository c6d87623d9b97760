namespace DevOpsLens.Engine.Iac.Common;

/// <summary>A container image reference split into repository, tag and digest.</summary>
internal sealed class ImageReference
{
    private ImageReference(string repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>registry/path without tag or digest.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>The last path segment: <c>mcr.microsoft.com/dotnet/aspnet</c> → <c>aspnet</c>.</summary>
    public string Name
    {
        get
        {
            var slash = Repository.LastIndexOf('/');
            return slash >= 0 ? Repository.Substring(slash + 1) : Repository;
        }
    }

    /// <summary>Null for a templated or variable reference that cannot be judged before it is expanded.</summary>
    public static ImageReference? Parse(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }

        var text = image!.Trim();
        if (text.IndexOf('$') >= 0 || text.IndexOf("{{", StringComparison.Ordinal) >= 0 || text.IndexOf(' ') >= 0)
        {
            return null;
        }

        string? digest = null;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text.Substring(at + 1);
            text = text.Substring(0, at);
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text.Substring(colon + 1);
            text = text.Substring(0, colon);
        }

        return new ImageReference(text, tag, digest);
    }

    /// <summary>
    /// A token a pipeline substitutes before the manifest is applied (<c>THE_IMAGE_NAME</c>, <c>IMAGE_PATH</c>,
    /// <c>REGISTRY/orders</c>): repository path components must be lower case, so a reference with an upper-case
    /// letter outside the registry host cannot be pulled as written. The host (a first component with a dot,
    /// a port or <c>localhost</c>) is case-insensitive and may be written in capitals.
    /// </summary>
    public bool IsPlaceholder
    {
        get
        {
            var path = Repository;
            var slash = path.IndexOf('/');
            if (slash > 0)
            {
                var first = path.Substring(0, slash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
                {
                    path = path.Substring(slash + 1);
                }
            }

            return path.Any(char.IsUpper);
        }
    }

    /// <summary>Why the reference floats (<c>untagged</c>, <c>tagged :latest</c>), or null when it is pinned or a placeholder.</summary>
    public string? UnpinnedReason()
    {
        if (Digest != null || IsPlaceholder)
        {
            return null;
        }

        if (Tag == null)
        {
            return "untagged, so it means :latest";
        }

        return string.Equals(Tag, "latest", StringComparison.OrdinalIgnoreCase) ? "tagged :latest" : null;
    }
}
