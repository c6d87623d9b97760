using DevOpsLens.Server.Risk;

namespace DevOpsLens.Server.Analysis;

/// <summary>The per-root services created at initialize: analysis, change risk, and the analyzer-package detector.</summary>
internal sealed class WorkspaceSession
{
    public WorkspaceSession(string? rootPath, IDocumentAnalysisService analysis, IChangeRiskProvider risk)
    {
        RootPath = rootPath;
        Analysis = analysis;
        Risk = risk;
    }

    public string? RootPath { get; }

    public IDocumentAnalysisService Analysis { get; }

    public IChangeRiskProvider Risk { get; }

    public AnalyzerPackageDetector AnalyzerPackages { get; } = new();
}
