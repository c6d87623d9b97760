using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// What the server needs from the analysis layer, for one repository root. The production implementation adapts
/// DevOpsLens.Workspace; tests can pass their own. Implementations are thread-safe.
/// </summary>
public interface IDocumentAnalysisService
{
    /// <summary>Findings for one document's current (possibly unsaved) text. Paths are absolute.</summary>
    Task<IReadOnlyList<Finding>> AnalyzeDocumentAsync(string path, string text, CancellationToken cancellationToken);

    /// <summary>Every finding in the repository on disk, for the start-up scan. Progress reports (done, total) files.</summary>
    Task<IReadOnlyList<Finding>> ScanAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);

    /// <summary>Quick fixes for a finding reported on <paramref name="text"/>.</summary>
    IReadOnlyList<TextFix> GetFixes(string path, string text, Finding finding);

    /// <summary>.editorconfig, baseline or project files changed on disk: drop cached configuration.</summary>
    void InvalidateConfiguration();

    /// <summary>Adds the findings to the repository baseline (.devopslens/baseline.json) and returns the file written.</summary>
    Task<string> AddToBaselineAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    /// <summary>An open document's current text, read by cross-file rules analysing other documents instead of the disk.</summary>
    void SetOverlay(string path, string text)
    {
    }

    /// <summary>The document was closed: cross-file rules read the disk again.</summary>
    void RemoveOverlay(string path)
    {
    }

    /// <summary>Whether cross-file rules read this file, so that a change to it can change other documents' findings.</summary>
    bool IsRelevantToRepositoryRules(string path) => false;

    /// <summary>Whether a cross-file rule can report on this file, so it needs re-analysis when a related file changes.</summary>
    bool CanReceiveRepositoryFindings(string path) => false;
}
