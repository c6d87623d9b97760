namespace DevOpsLens.History.Model;

/// <summary>A model ready to score, where it came from, and what the user should be told about it.</summary>
public sealed record ResolvedModel(RiskModel? Model, string Source, string Description, string? Message)
{
    public const string RepositorySource = "repository";
    public const string DefaultSource = "default";
    public const string NoneSource = "none";
    public const string DefaultDescription = "default model (trained on public JIT data)";
}

/// <summary>
/// Picks the model: an explicit file, else the repository's <c>.devopslens/risk-model.zip</c>, else the embedded
/// default model. A model that cannot be loaded is reported and replaced by the default, never fatal.
/// </summary>
public static class ModelResolver
{
    public const string RepositoryModelPath = ".devopslens/risk-model.zip";
    public const string DefaultModelResource = "DevOpsLens.History.default-risk-model.zip";

    private static readonly Lazy<(RiskModel? Model, string? Error)> Default = new(LoadDefault);
    private static readonly object CacheGate = new();
    private static (string Path, DateTime Stamp, long Length, RiskModel Model)? _cached;

    public static ResolvedModel Resolve(string? workingDirectory, string? explicitPath)
    {
        string? problem = null;
        var path = explicitPath ?? (workingDirectory is null ? null : Path.Combine(workingDirectory, RepositoryModelPath));
        if (path is not null && (explicitPath is not null || File.Exists(path)))
        {
            try
            {
                var model = LoadCached(path);
                var card = model.Card;
                var description = card.TrainedOn == "public-jit"
                    ? ResolvedModel.DefaultDescription
                    : $"repository model (trained on {card.Examples} changes of this repository{(card.To is { } to ? $" up to {to:yyyy-MM-dd}" : "")})";
                return new ResolvedModel(model, card.TrainedOn == "public-jit" ? ResolvedModel.DefaultSource : ResolvedModel.RepositorySource, description, null);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problem = $"the model file {Display(path, workingDirectory)} could not be used: {ex.Message}";
            }
        }

        var (fallback, error) = Default.Value;
        if (fallback is null)
        {
            return new ResolvedModel(null, ResolvedModel.NoneSource, "no model", Join(problem, "no default model is available: " + error));
        }

        return new ResolvedModel(fallback, ResolvedModel.DefaultSource, ResolvedModel.DefaultDescription, problem is null ? null : problem + "; using the " + ResolvedModel.DefaultDescription);
    }

    /// <summary>The embedded default model, or null with the reason.</summary>
    public static (RiskModel? Model, string? Error) DefaultModel => Default.Value;

    private static RiskModel LoadCached(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new IOException("file not found");
        }

        lock (CacheGate)
        {
            if (_cached is { } c && c.Path == info.FullName && c.Stamp == info.LastWriteTimeUtc && c.Length == info.Length)
            {
                return c.Model;
            }
        }

        var model = RiskModel.Load(info.FullName);
        lock (CacheGate)
        {
            _cached = (info.FullName, info.LastWriteTimeUtc, info.Length, model);
        }

        return model;
    }

    private static (RiskModel?, string?) LoadDefault()
    {
        using var stream = typeof(ModelResolver).Assembly.GetManifestResourceStream(DefaultModelResource);
        if (stream is null)
        {
            return (null, "this build has no embedded model (run eng/train-default-model.sh)");
        }

        try
        {
            return (RiskModel.Load(stream), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string Display(string path, string? root)
    {
        if (root is null)
        {
            return path;
        }

        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    private static string? Join(string? a, string b) => a is null ? b : a + "; " + b;
}
