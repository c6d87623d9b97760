using System.Collections.Concurrent;
using System.Collections.Immutable;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;
using DevOpsLens.Workspace.CSharp;
using DevOpsLens.Workspace.Files;

namespace DevOpsLens.Workspace;

/// <summary>
/// Analyzes one repository: single documents (the language server's open buffers) and whole scans (the CLI).
/// One instance per repository root; thread-safe. Every file type goes through the engine's rules; C# goes through
/// the DevOpsLens Roslyn analyzers in-process, and the engine's rules then skip the rule ids those analyzers own.
/// </summary>
public sealed class WorkspaceAnalyzer
{
    private readonly WorkspaceOptions _options;
    private readonly ConfigurationResolver _configuration;
    private readonly Lazy<CSharpAnalysisHost> _csharpHost;
    private readonly object _baselineLock = new();
    private readonly ConcurrentDictionary<string, string> _overlays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DocumentContext> _overlayDocuments = new(StringComparer.Ordinal);
    private readonly DiskDocumentCache _repositoryFiles = new();
    private (Baseline Baseline, ConfigurationProblem? Problem)? _baseline;

    public WorkspaceAnalyzer(string root, WorkspaceOptions? options = null)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Root.Length == 0)
        {
            Root = Path.GetFullPath(root);
        }

        _options = options ?? new WorkspaceOptions();
        _configuration = new ConfigurationResolver(_options.ConfigurationReader ?? new DiskConfigurationReader());
        // Built on the first C# file: loading Roslyn and the analyzers is wasted on a scan of manifests or Dockerfiles.
        _csharpHost = new Lazy<CSharpAnalysisHost>(
            () => new CSharpAnalysisHost(
                Root,
                _options.Analyzers != null ? _options.Analyzers.ToImmutableArray() : CSharpAnalysisHost.LoadProductAnalyzers(),
                full => _configuration.Resolve(WorkspacePaths.Normalize(full)).Options),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private CSharpAnalysisHost CSharp => _csharpHost.Value;

    /// <summary>Full path of the repository root.</summary>
    public string Root { get; }

    public RuleRegistry Rules => _options.Rules;

    /// <summary>Rule ids reported by the in-process Roslyn analyzers.</summary>
    public IReadOnlySet<string> AnalyzerRuleIds => CSharp.CoveredRuleIds;

    /// <summary>Call when .editorconfig, .globalconfig, the baseline or a project file changed.</summary>
    public void InvalidateConfiguration()
    {
        _configuration.Invalidate();
        if (_csharpHost.IsValueCreated)
        {
            CSharp.Invalidate();
        }

        _repositoryFiles.Clear();
        _overlayDocuments.Clear();
        lock (_baselineLock)
        {
            _baseline = null;
        }
    }

    /// <summary>
    /// An editor's unsaved text for a file: the repository rules of <see cref="AnalyzeDocumentAsync"/> read it instead
    /// of the disk (a manifest's probe path is checked against the routes of the open, edited Program.cs).
    /// </summary>
    public void SetOverlay(string path, string text) => _overlays[OverlayKey(path)] = text;

    /// <summary>The editor closed the file: the disk is the truth again.</summary>
    public void RemoveOverlay(string path)
    {
        _overlays.TryRemove(OverlayKey(path), out _);
        _overlayDocuments.TryRemove(OverlayKey(path), out _);
    }

    /// <summary>
    /// Whether a repository (cross-file) rule reads this file: a change to it can change other documents' findings
    /// (a route mapped in Program.cs, a port in appsettings.json), so a host re-analyses its open documents that are
    /// relevant too.
    /// </summary>
    public bool IsRelevantToRepositoryRules(string path)
    {
        var relative = ToRelativePath(path);
        return IsInsideRoot(relative) && _options.Rules.RepositoryRules.Any(r => SafeIsRelevant(r, relative));
    }

    /// <summary>
    /// Whether a cross-file rule can report on this file (a manifest, a Dockerfile): only these need re-analysis when
    /// a related file changes; a C# file is read by those rules but never carries their findings.
    /// </summary>
    public bool CanReceiveRepositoryFindings(string path)
    {
        var relative = ToRelativePath(path);
        return IsInsideRoot(relative) && _options.Rules.RepositoryRules.Any(r => SafeReportsOn(r, relative));
    }

    /// <summary>Repository-relative path (forward slashes) for a full or relative path.</summary>
    public string ToRelativePath(string path) =>
        WorkspacePaths.ToRelative(Root, Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path)));

    public string ToFullPath(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    /// <summary>The resolved configuration for a document (options, exclusion, size limit).</summary>
    public ResolvedConfiguration GetConfiguration(string path) => _configuration.Resolve(WorkspacePaths.Normalize(ToFullPath(path)));

    /// <summary>
    /// Analyzes one document with the given text (an editor buffer, a staged blob): configuration, inline
    /// suppressions and the baseline apply as in a scan. An excluded document has no findings.
    /// </summary>
    public async Task<IReadOnlyList<Finding>> AnalyzeDocumentAsync(string path, string text, CancellationToken cancellationToken)
    {
        var full = ToFullPath(path);
        var relative = ToRelativePath(path);
        var config = _configuration.Resolve(WorkspacePaths.Normalize(full));
        if (config.IsExcluded)
        {
            return [];
        }

        var findings = new List<Finding>();
        var document = new DocumentContext(relative, text, config.Options, cancellationToken);
        if (document.Kind == DocumentKind.CSharp && CSharp.IsEnabled)
        {
            findings.AddRange(await CSharp.AnalyzeDocumentAsync(new CSharpSource(relative, full, text), LoadProjectSources, cancellationToken).ConfigureAwait(false));
            findings.AddRange(AnalyzeWithEngine(document, skipAnalyzerRules: true));
        }
        else
        {
            findings.AddRange(AnalyzeWithEngine(document, skipAnalyzerRules: false));
        }

        if (CanReceiveRepositoryFindings(full))
        {
            // The same cross-file rules a scan runs, over the repository's relevant files with the editor's texts
            // overlaid; only this document's reports are kept (the others are published with their own documents).
            var documents = await GatherRepositoryDocumentsAsync(document, cancellationToken).ConfigureAwait(false);
            // A rule reports only on documents it was given, so the rules this document is irrelevant to are skipped.
            var rules = _options.Rules.RepositoryRules.Where(r => SafeReportsOn(r, relative)).ToList();
            findings.AddRange(RunRepositoryRules(rules, documents, cancellationToken).Where(f => string.Equals(f.Path, relative, StringComparison.Ordinal)));
        }

        if (IsConfigurationFile(relative))
        {
            var parsed = EditorConfigFile.Parse(relative, text, forceGlobal: relative.EndsWith(ConfigurationResolver.GlobalConfigName, StringComparison.OrdinalIgnoreCase));
            findings.AddRange(ProblemsToFindings(parsed.Problems.Select(p => new ConfigurationProblem(WorkspacePaths.Normalize(full), p.Line, p.Message)), _ => text));
        }

        var result = ApplyBaseline(findings, useBaseline: true, baselinePath: null, out _);
        return Sorted(result);
    }

    /// <summary>Runs the change rules on one file's change (null text: added or deleted).</summary>
    public IReadOnlyList<Finding> AnalyzeChange(string path, string? before, string? after, CancellationToken cancellationToken)
    {
        var relative = ToRelativePath(path);
        var config = _configuration.Resolve(WorkspacePaths.Normalize(ToFullPath(path)));
        if (config.IsExcluded)
        {
            return [];
        }

        var beforeDoc = before == null ? null : new DocumentContext(relative, before, config.Options, cancellationToken);
        var afterDoc = after == null ? null : new DocumentContext(relative, after, config.Options, cancellationToken);
        var target = afterDoc ?? beforeDoc;
        if (target == null)
        {
            return [];
        }

        var sink = new RawSink(target.Text.Length);
        foreach (var rule in _options.Rules.ChangeRules)
        {
            if (!rule.Rules.Any(config.Options.IsEnabled) || !rule.AppliesTo(relative))
            {
                continue;
            }

            try
            {
                rule.Analyze(beforeDoc, afterDoc, sink);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                sink.Failure(rule.Rules, ex);
            }
        }

        return ApplyBaseline(DocumentAnalyzer.Finish(target, sink.Reports), useBaseline: true, baselinePath: null, out _);
    }

    /// <summary>Quick fixes for a finding: the engine's fix providers, then the registered fix sources (C# code fixes).</summary>
    public IEnumerable<TextFix> GetFixes(string path, string text, Finding finding, CancellationToken cancellationToken)
    {
        var document = new DocumentContext(ToRelativePath(path), text, GetConfiguration(path).Options, cancellationToken);
        foreach (var provider in _options.Rules.FixProviders)
        {
            if (!provider.FixableRuleIds.Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            IEnumerable<TextFix> fixes;
            try
            {
                fixes = provider.GetFixes(document, finding).ToList();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                fixes = [];
            }

            foreach (var fix in fixes)
            {
                yield return fix;
            }
        }

        foreach (var source in _options.FixSources)
        {
            foreach (var fix in source.GetFixes(document, finding, cancellationToken))
            {
                yield return fix;
            }
        }
    }

    /// <summary>Scans the repository (or the requested paths) on all cores; output is sorted and deterministic.</summary>
    public async Task<ScanResult> ScanAsync(ScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var walked = new FileWalker(Root).Walk(request.Paths, cancellationToken);
        var filters = new PathFilter(request.Include, request.Exclude);
        var files = walked.Where(f => filters.IsIncluded(f.RelativePath)).ToList();

        var findings = new ConcurrentBag<Finding>();
        var csharpSources = new ConcurrentBag<CSharpSource>();
        var repositoryDocuments = new ConcurrentBag<DocumentContext>();
        var done = 0;
        var skipped = 0;
        var checkedCount = 0;

        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        async ValueTask ProcessAsync(WalkedFile file, CancellationToken ct)
        {
            var config = _configuration.Resolve(WorkspacePaths.Normalize(file.FullPath));
            if (config.IsExcluded)
            {
                Interlocked.Increment(ref done);
                return;
            }

            var maxSize = request.MaxFileSize ?? config.MaxFileSize ?? _options.DefaultMaxFileSize;
            var loaded = await FileContent.LoadAsync(file.FullPath, maxSize, ct).ConfigureAwait(false);
            if (loaded.Text == null)
            {
                Interlocked.Increment(ref skipped);
                foreach (var f in SkipFindings(file.RelativePath, loaded, config.Options))
                {
                    findings.Add(f);
                }
            }
            else
            {
                Interlocked.Increment(ref checkedCount);
                var document = new DocumentContext(file.RelativePath, loaded.Text, config.Options, ct);
                if (loaded.Status == FileLoadStatus.TextWithFallbackEncoding)
                {
                    foreach (var f in DocumentAnalyzer.Finish(document, [new RawReport(RuleCatalog.UnreadableFile, new TextRange(0, 0), "The file is " + loaded.Reason, "encoding", null)]))
                    {
                        findings.Add(f);
                    }
                }

                var isCSharp = document.Kind == DocumentKind.CSharp && CSharp.IsEnabled;
                if (isCSharp)
                {
                    csharpSources.Add(new CSharpSource(file.RelativePath, file.FullPath, loaded.Text));
                }

                foreach (var f in AnalyzeWithEngine(document, skipAnalyzerRules: isCSharp))
                {
                    findings.Add(f);
                }

                if (_options.Rules.RepositoryRules.Any(r => SafeIsRelevant(r, file.RelativePath)))
                {
                    repositoryDocuments.Add(document);
                }
            }

            var n = Interlocked.Increment(ref done);
            progress?.Report(new ScanProgress(n, files.Count, file.RelativePath));
        }

        // The compiler pass (C# through Roslyn) dominates when a repository has C#: start it at once and let the
        // engine pass over every other file run beside it.
        var csharpFiles = files.Where(f => DocumentClassifier.Classify(f.RelativePath) == DocumentKind.CSharp).ToList();
        if (csharpFiles.Count > 0 && !CSharp.IsEnabled)
        {
            csharpFiles = [];
        }

        var otherFiles = csharpFiles.Count == 0 ? files : files.Except(csharpFiles).ToList();
        var csharpPass = csharpFiles.Count == 0 ? Task.CompletedTask : Task.Run(
            async () =>
            {
                await Parallel.ForEachAsync(csharpFiles, parallel, ProcessAsync).ConfigureAwait(false);
                findings.AddRange(await CSharp.AnalyzeSourcesAsync(csharpSources.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false));
            },
            cancellationToken);
        await Parallel.ForEachAsync(otherFiles, parallel, ProcessAsync).ConfigureAwait(false);
        await csharpPass.ConfigureAwait(false);

        findings.AddRange(RunRepositoryRules(_options.Rules.RepositoryRules, repositoryDocuments.OrderBy(d => d.Path, StringComparer.Ordinal).ToList(), cancellationToken));
        findings.AddRange(ProblemsToFindings(_configuration.Problems, ReadConfigText));

        var all = ApplyBaseline(findings.ToList(), request.UseBaseline, request.BaselinePath, out var baselineProblem);
        if (baselineProblem != null)
        {
            all = all.Concat(ProblemsToFindings([baselineProblem], ReadConfigText)).ToList();
        }

        return new ScanResult(Sorted(all), checkedCount, skipped);
    }

    /// <summary>
    /// What a scan would hand the repository rules (walked files, .gitignore and exclusions honoured, the same size
    /// limit), with <paramref name="current"/> and the editor overlays in place of the disk texts.
    /// </summary>
    private async Task<IReadOnlyList<DocumentContext>> GatherRepositoryDocumentsAsync(DocumentContext current, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, DocumentContext>(StringComparer.Ordinal) { [current.Path] = current };
        var walked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new FileWalker(Root).Walk([], cancellationToken))
        {
            var key = WorkspacePaths.Normalize(file.FullPath);
            walked.Add(file.FullPath);
            if (documents.ContainsKey(file.RelativePath) || !_options.Rules.RepositoryRules.Any(r => SafeIsRelevant(r, file.RelativePath)))
            {
                continue;
            }

            var config = _configuration.Resolve(key);
            if (config.IsExcluded)
            {
                continue;
            }

            var document = _overlays.TryGetValue(key, out var overlay)
                ? OverlayDocument(key, file.RelativePath, overlay, config.Options)
                : await _repositoryFiles.GetAsync(file.FullPath, file.RelativePath, config.Options, config.MaxFileSize ?? _options.DefaultMaxFileSize, cancellationToken).ConfigureAwait(false);
            if (document != null)
            {
                documents[file.RelativePath] = document;
            }
        }

        _repositoryFiles.Retain(walked);

        // Open buffers of files not yet saved to disk belong to the repository as the editor shows it.
        foreach (var (key, text) in _overlays)
        {
            var relative = WorkspacePaths.ToRelative(Root, key);
            if (!IsInsideRoot(relative) || documents.ContainsKey(relative) || File.Exists(key)
                || !_options.Rules.RepositoryRules.Any(r => SafeIsRelevant(r, relative)))
            {
                continue;
            }

            var config = _configuration.Resolve(key);
            if (!config.IsExcluded)
            {
                documents[relative] = OverlayDocument(key, relative, text, config.Options);
            }
        }

        return documents.Values.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    private string OverlayKey(string path) => WorkspacePaths.Normalize(ToFullPath(path));

    private static bool IsInsideRoot(string relative) =>
        relative != "." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);

    private static bool SafeIsRelevant(IRepositoryRule rule, string path)
    {
        try
        {
            return rule.IsRelevant(path);
        }
        // devopslens-ignore DL2001: not swallowed; the rule still runs and reports its failure as DL9003
        catch (Exception)
        {
            // Keep the document: the rule then runs, and its failure surfaces as a DL9003 finding instead of vanishing.
            return true;
        }
    }

    /// <summary>
    /// An open buffer as a document for the cross-file rules, kept while its text is unchanged: typing in a manifest
    /// then reuses what the rules parsed from the open Program.cs instead of re-reading it on every keystroke. Shared
    /// between analyses, so it carries no cancellation token (as the disk cache's documents).
    /// </summary>
    private DocumentContext OverlayDocument(string key, string relativePath, string text, RuleOptions options)
    {
        if (_overlayDocuments.TryGetValue(key, out var cached) && ReferenceEquals(cached.Text, text) && SameOptions(cached.Options, options)
            && string.Equals(cached.Path, relativePath, StringComparison.Ordinal))
        {
            return cached;
        }

        var document = new DocumentContext(relativePath, text, options);
        _overlayDocuments[key] = document;
        return document;
    }

    private static bool SameOptions(RuleOptions a, RuleOptions b) =>
        ReferenceEquals(a, b) || (a.Values.Count == b.Values.Count && a.Values.All(kv => b.Values.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal)));

    private static bool SafeReportsOn(IRepositoryRule rule, string path)
    {
        try
        {
            return rule.ReportsOn(path);
        }
        // devopslens-ignore DL2001: not swallowed; the rule still runs and reports its failure as DL9003
        catch (Exception)
        {
            // As in SafeIsRelevant: run the rule, so that its failure is reported.
            return true;
        }
    }

    private IEnumerable<Finding> AnalyzeWithEngine(DocumentContext document, bool skipAnalyzerRules)
    {
        var rules = _options.Rules.DocumentRules;
        if (skipAnalyzerRules && CSharp.CoveredRuleIds.Count > 0)
        {
            rules = rules.Where(r => !r.Rules.All(d => CSharp.CoveredRuleIds.Contains(d.Id))).ToList();
        }

        var findings = new DocumentAnalyzer(rules).Analyze(document);
        return skipAnalyzerRules ? findings.Where(f => !CSharp.CoveredRuleIds.Contains(f.RuleId)) : findings;
    }

    private static IEnumerable<Finding> RunRepositoryRules(IReadOnlyList<IRepositoryRule> rules, IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var results = new List<Finding>();
        if (documents.Count == 0)
        {
            return results;
        }

        foreach (var rule in rules)
        {
            var relevant = documents.Where(d => SafeIsRelevant(rule, d.Path)).ToList();
            if (relevant.Count == 0)
            {
                continue;
            }

            List<RepositoryReport> reports;
            try
            {
                reports = rule.Analyze(relevant, cancellationToken).ToList();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var ids = string.Join(",", rule.Rules.Select(r => r.Id));
                var first = relevant[0];
                results.AddRange(DocumentAnalyzer.Finish(first, [new RawReport(RuleCatalog.RuleFailure, new TextRange(0, 0), RuleCatalog.RuleFailure.FormatMessage(ids, ex.GetType().Name + ": " + ex.Message.Split('\n')[0]), ids + ":" + ex.GetType().FullName, null)]));
                continue;
            }

            foreach (var group in reports.GroupBy(r => r.Document))
            {
                results.AddRange(DocumentAnalyzer.Finish(group.Key, group.Select(g => g.Report)));
            }
        }

        return results;
    }

    private IEnumerable<Finding> SkipFindings(string relativePath, FileLoadResult loaded, RuleOptions options)
    {
        RuleDescriptor rule;
        string message;
        switch (loaded.Status)
        {
            case FileLoadStatus.Binary when FileContent.HasBinaryExtension(relativePath):
                // Images and archives are expected in a repository: skipped silently (counted in the summary).
                return [];
            case FileLoadStatus.Binary:
            case FileLoadStatus.TooLarge:
                rule = RuleCatalog.FileSkipped;
                message = rule.FormatMessage(loaded.Reason);
                break;
            default:
                rule = RuleCatalog.UnreadableFile;
                message = rule.FormatMessage(loaded.Reason);
                break;
        }

        var document = new DocumentContext(relativePath, string.Empty, options);
        return DocumentAnalyzer.Finish(document, [new RawReport(rule, new TextRange(0, 0), message, loaded.Status.ToString(), null)]);
    }

    private IEnumerable<Finding> ProblemsToFindings(IEnumerable<ConfigurationProblem> problems, Func<string, string?> readText)
    {
        foreach (var group in problems.GroupBy(p => p.Path, StringComparer.Ordinal))
        {
            var text = readText(group.Key) ?? string.Empty;
            var relative = WorkspacePaths.ToRelative(Root, group.Key);
            var options = _configuration.Resolve(group.Key).Options;
            var document = new DocumentContext(relative, text, options);
            var reports = group.Select(p =>
            {
                var range = new TextRange(0, 0);
                if (p.Line >= 0 && p.Line < document.Lines.LineCount)
                {
                    var start = document.Lines.GetLineStart(p.Line);
                    range = TextRange.FromBounds(start, document.Lines.GetLineEnd(p.Line, text));
                }

                return new RawReport(RuleCatalog.InvalidConfiguration, range, p.Message, p.Message, null);
            });
            foreach (var finding in DocumentAnalyzer.Finish(document, reports))
            {
                yield return finding;
            }
        }
    }

    private string? ReadConfigText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IReadOnlyList<Finding> ApplyBaseline(IReadOnlyList<Finding> findings, bool useBaseline, string? baselinePath, out ConfigurationProblem? problem)
    {
        problem = null;
        if (!useBaseline)
        {
            return findings;
        }

        Baseline baseline;
        if (baselinePath != null)
        {
            (baseline, problem) = LoadBaseline(ToFullPath(baselinePath), required: true);
        }
        else
        {
            lock (_baselineLock)
            {
                _baseline ??= LoadBaseline(Path.Combine(Root, Baseline.DefaultPath), required: false);
                (baseline, problem) = _baseline.Value;
            }
        }

        return baseline.Apply(findings);
    }

    private static (Baseline, ConfigurationProblem?) LoadBaseline(string fullPath, bool required)
    {
        var normalized = WorkspacePaths.Normalize(fullPath);
        try
        {
            if (!File.Exists(fullPath))
            {
                return (Baseline.Empty, required ? new ConfigurationProblem(normalized, -1, "The baseline file does not exist") : null);
            }

            var baseline = Baseline.Parse(normalized, File.ReadAllText(fullPath), out var problem);
            return (baseline, problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Baseline.Empty, new ConfigurationProblem(normalized, -1, "The baseline file could not be read: " + ex.Message));
        }
    }

    private IReadOnlyList<CSharpSource> LoadProjectSources(string projectDirectory)
    {
        var relative = WorkspacePaths.ToRelative(Root, projectDirectory);
        var walked = new FileWalker(Root).Walk(relative == "." || Path.IsPathRooted(relative) ? [] : [relative], CancellationToken.None);
        var sources = new List<CSharpSource>();
        foreach (var file in walked)
        {
            if (!file.RelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(CSharp.GetProjectDirectory(file.FullPath), projectDirectory, StringComparison.Ordinal))
            {
                continue;
            }

            var loaded = FileContent.LoadAsync(file.FullPath, _options.DefaultMaxFileSize, CancellationToken.None).GetAwaiter().GetResult();
            if (loaded.Text != null)
            {
                sources.Add(new CSharpSource(file.RelativePath, file.FullPath, loaded.Text));
            }
        }

        return sources;
    }

    private static bool IsConfigurationFile(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return string.Equals(name, ConfigurationResolver.EditorConfigName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, ConfigurationResolver.GlobalConfigName, StringComparison.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<Finding> Sorted(IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        list.Sort(Finding.Compare);
        return list;
    }

    private sealed class RawSink(int textLength) : IReportSink
    {
        public List<RawReport> Reports { get; } = [];

        public void Report(RuleDescriptor rule, TextRange range, string message, string? fingerprintContent = null, IReadOnlyDictionary<string, string>? properties = null)
        {
            var start = Math.Clamp(range.Start, 0, textLength);
            var end = Math.Clamp(range.End, start, textLength);
            Reports.Add(new RawReport(rule, TextRange.FromBounds(start, end), message, fingerprintContent, properties));
        }

        public void Failure(IEnumerable<RuleDescriptor> rules, Exception ex)
        {
            var ids = string.Join(",", rules.Select(r => r.Id));
            Reports.Add(new RawReport(RuleCatalog.RuleFailure, new TextRange(0, 0), RuleCatalog.RuleFailure.FormatMessage(ids, ex.GetType().Name + ": " + ex.Message.Split('\n')[0]), ids + ":" + ex.GetType().FullName, null));
        }
    }
}

/// <summary>Reads configuration files from disk; a missing or unreadable file is simply absent.</summary>
public sealed class DiskConfigurationReader : IConfigurationFileReader
{
    public string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>--include / --exclude: editorconfig globs against the repository-relative path or any folder above it.</summary>
public sealed class PathFilter
{
    private readonly IReadOnlyList<EditorConfigGlob> _include;
    private readonly IReadOnlyList<EditorConfigGlob> _exclude;

    public PathFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        _include = Compile(include);
        _exclude = Compile(exclude);
    }

    public static IReadOnlyList<EditorConfigGlob> Compile(IReadOnlyList<string> globs)
    {
        var list = new List<EditorConfigGlob>();
        foreach (var g in globs)
        {
            if (!EditorConfigGlob.TryCreate(g.Trim().TrimEnd('/'), out var glob, out var error))
            {
                throw new ArgumentException("Invalid glob '" + g + "': " + error);
            }

            list.Add(glob!);
        }

        return list;
    }

    public bool IsIncluded(string relativePath) =>
        (_include.Count == 0 || _include.Any(g => MatchesSelfOrParent(g, relativePath)))
        && !_exclude.Any(g => MatchesSelfOrParent(g, relativePath));

    private static bool MatchesSelfOrParent(EditorConfigGlob glob, string path)
    {
        for (var p = path; p.Length > 0; p = p.LastIndexOf('/') is var i && i > 0 ? p[..i] : string.Empty)
        {
            if (glob.IsMatch(p))
            {
                return true;
            }
        }

        return false;
    }
}

internal static class ConcurrentBagExtensions
{
    public static void AddRange<T>(this ConcurrentBag<T> bag, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            bag.Add(item);
        }
    }
}
