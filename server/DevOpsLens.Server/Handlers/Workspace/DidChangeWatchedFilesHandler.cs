using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Workspace;

/// <summary>
/// .editorconfig / .globalconfig (severities, options), the baseline, and project files (whether the analyzer
/// package is referenced) change what open documents report: re-evaluate them. Other files are ignored.
/// </summary>
internal sealed class DidChangeWatchedFilesHandler : ILspHandler<DidChangeWatchedFilesParams, NoResult>
{
    public Task<NoResult> HandleAsync(DidChangeWatchedFilesParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Changes.Any(c => AffectsAnalysis(c.Uri)))
        {
            ConfigurationChange.Apply(context);
        }

        return Task.FromResult(NoResult.Value);
    }

    public static bool AffectsAnalysis(string uri)
    {
        var path = DocumentUris.ToPath(uri) ?? uri;
        var name = Path.GetFileName(path);
        return name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase)
            || name.Equals(".globalconfig", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || (name.Equals("baseline.json", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), ".devopslens", StringComparison.OrdinalIgnoreCase));
    }
}
