using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Workspace;

namespace DevOpsLens.Server.Analysis;

/// <summary>The production analysis service: DevOpsLens.Workspace, the same analyzer <c>devopslens check</c> uses.</summary>
public sealed class WorkspaceAnalysisService : IDocumentAnalysisService
{
    private readonly WorkspaceAnalyzer _analyzer;
    private readonly SemaphoreSlim _baselineLock = new(1, 1);

    public WorkspaceAnalysisService(WorkspaceAnalyzer analyzer) => _analyzer = analyzer;

    /// <summary>The root the client opened, or the current directory when it opened loose files only.</summary>
    public static WorkspaceAnalysisService Create(string? root, WorkspaceOptions? options = null) =>
        new(new WorkspaceAnalyzer(root ?? Directory.GetCurrentDirectory(), options));

    public Task<IReadOnlyList<Finding>> AnalyzeDocumentAsync(string path, string text, CancellationToken cancellationToken) =>
        _analyzer.AnalyzeDocumentAsync(path, text, cancellationToken);

    public async Task<IReadOnlyList<Finding>> ScanAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var result = await _analyzer.ScanAsync(new ScanRequest(), progress is null ? null : new ProgressAdapter(progress), cancellationToken).ConfigureAwait(false);
        return result.Findings;
    }

    public IReadOnlyList<TextFix> GetFixes(string path, string text, Finding finding) =>
        _analyzer.GetFixes(path, text, finding, CancellationToken.None).ToList();

    public void InvalidateConfiguration() => _analyzer.InvalidateConfiguration();

    public void SetOverlay(string path, string text) => _analyzer.SetOverlay(path, text);

    public void RemoveOverlay(string path) => _analyzer.RemoveOverlay(path);

    public bool IsRelevantToRepositoryRules(string path) => _analyzer.IsRelevantToRepositoryRules(path);

    public bool CanReceiveRepositoryFindings(string path) => _analyzer.CanReceiveRepositoryFindings(path);

    /// <summary>Merges into the existing baseline (same sorted format as <c>devopslens baseline</c>), written atomically.</summary>
    public async Task<string> AddToBaselineAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var file = Path.Combine(_analyzer.Root, Baseline.DefaultPath);
        await _baselineLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = File.Exists(file)
                ? Baseline.Parse(Baseline.DefaultPath, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), out _)
                : Baseline.Empty;
            var added = findings
                .Where(f => f.Fingerprint is not null)
                .Select(f => new BaselineEntry(f.Fingerprint!, f.RuleId, _analyzer.ToRelativePath(f.Path)));
            var merged = Baseline.Create(existing.Entries.Concat(added));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temp = file + ".tmp";
            await File.WriteAllTextAsync(temp, merged.ToJson(), cancellationToken).ConfigureAwait(false);
            File.Move(temp, file, overwrite: true);
            _analyzer.InvalidateConfiguration();
            return file;
        }
        finally
        {
            _baselineLock.Release();
        }
    }

    /// <summary>Direct callback (no SynchronizationContext hop, unlike Progress&lt;T&gt;).</summary>
    private sealed class ProgressAdapter : IProgress<ScanProgress>
    {
        private readonly IProgress<(int Done, int Total)> _inner;

        public ProgressAdapter(IProgress<(int Done, int Total)> inner) => _inner = inner;

        public void Report(ScanProgress value) => _inner.Report((value.FilesDone, value.FilesTotal));
    }
}
