using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Rules;

/// <summary>
/// A check over one document. Pure: its only inputs are the document (path, text, kind), the rule options and
/// the cancellation token — no clock, no environment, no file system.
/// </summary>
public interface IDocumentRule
{
    /// <summary>The catalog rules this check can report. Used to skip the check when all of them are off.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Cheap test on the kind and path; the analyzer calls <see cref="Analyze"/> only when true.</summary>
    bool AppliesTo(DocumentContext document);

    void Analyze(DocumentContext document, IReportSink sink);
}

/// <summary>Receives raw findings from a check. Severity, suppressions and fingerprints are applied afterwards.</summary>
public interface IReportSink
{
    /// <param name="rule">The catalog entry.</param>
    /// <param name="range">Offsets into the document text.</param>
    /// <param name="message">Already formatted; never a full secret.</param>
    /// <param name="fingerprintContent">Normalized content identifying the finding across line moves (a redacted secret hash, a key path…); defaults to the covered text.</param>
    /// <param name="properties">Extra facts for reports.</param>
    void Report(RuleDescriptor rule, TextRange range, string message, string? fingerprintContent = null, IReadOnlyDictionary<string, string>? properties = null);
}

/// <summary>An immutable view of one document for the checks, with a per-document cache for parsed forms.</summary>
public sealed class DocumentContext
{
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);
    private LineMap? _lines;

    public DocumentContext(string path, string text, RuleOptions options, CancellationToken cancellationToken = default, DocumentKind? kind = null)
    {
        Path = path;
        Text = text;
        Options = options;
        CancellationToken = cancellationToken;
        Kind = kind ?? DocumentClassifier.Classify(path);
    }

    /// <summary>Repository-relative path with forward slashes.</summary>
    public string Path { get; }

    public string Text { get; }

    public DocumentKind Kind { get; }

    public RuleOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public LineMap Lines => _lines ??= LineMap.Create(Text);

    /// <summary>Parses once per document and shares the result between checks (YAML trees, Dockerfile instructions…).</summary>
    public T GetOrAdd<T>(string key, Func<DocumentContext, T> factory)
        where T : class =>
        (T)_cache.GetOrAdd(key, _ => factory(this));
}
