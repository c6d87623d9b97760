using System.Collections.Generic;
using System.Threading;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Rules;

/// <summary>
/// A check across files of one repository: a Kubernetes probe path against the routes the C# service maps, a
/// container port against the port Kestrel listens on. Still pure: it sees only the documents it is given.
/// </summary>
public interface IRepositoryRule
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Cheap path test: which documents the host must collect for this check (manifests, Program.cs, appsettings…).</summary>
    bool IsRelevant(string path);

    /// <summary>
    /// Which documents can carry this check's findings (a subset of <see cref="IsRelevant"/>: a manifest, not the
    /// Program.cs it is compared with). An editor re-analyses only these when a related file changes, and analysing
    /// a document that cannot carry a finding skips the check.
    /// </summary>
    bool ReportsOn(string path);

    /// <summary>Reports findings, each attached to the document (usually the manifest) whose line disagrees.</summary>
    IEnumerable<RepositoryReport> Analyze(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken);
}

public sealed class RepositoryReport
{
    public RepositoryReport(DocumentContext document, RawReport report)
    {
        Document = document;
        Report = report;
    }

    public DocumentContext Document { get; }

    public RawReport Report { get; }
}

/// <summary>
/// A check of one file's change: the file before (null when added) and after (null when deleted). Used by
/// <c>devopslens check --diff</c> and as input to the change-risk score (dependency bumps, added packages).
/// </summary>
public interface IChangeRule
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    bool AppliesTo(string path);

    /// <summary>Reports against <paramref name="after"/> (or <paramref name="before"/> for a deletion).</summary>
    void Analyze(DocumentContext? before, DocumentContext? after, IReportSink sink);
}
