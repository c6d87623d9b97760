using System.Collections.Immutable;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// One document's analysis at one version and configuration generation. <paramref name="Sequence"/> tells apart
/// analyses of the same version whose inputs changed elsewhere (another open file read by cross-file rules).
/// </summary>
internal sealed record DocumentAnalysis(DocumentSnapshot Document, int Generation, long Sequence, IReadOnlyList<Finding> Findings, IReadOnlyList<Diagnostic> Diagnostics)
{
    public string ResultId =>
        Document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "." + Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Runs and caches document analysis and delivers diagnostics. Typing is debounced per document (longer for C#,
/// whose compilation costs more) and a newer version cancels the analysis of an older one. Push clients get
/// publishDiagnostics; pull clients read the same cache through textDocument/diagnostic.
/// </summary>
internal sealed class DiagnosticsHub
{
    private readonly ServerServices _services;
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _publish = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> _costs = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, IReadOnlyList<Finding>> _scan = ImmutableDictionary<string, IReadOnlyList<Finding>>.Empty;
    private int _scanGeneration;
    private TaskCompletionSource _scanChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private long _sequence;

    public DiagnosticsHub(ServerServices services) => _services = services;

    /// <summary>Debounced or running analyses; returns to zero once typing stops (checked by the burst benchmark and tests).</summary>
    public int PendingWork
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count + Volatile.Read(ref _running);
            }
        }
    }

    /// <summary>Closed files with findings from the last workspace scan, by absolute path.</summary>
    public ImmutableDictionary<string, IReadOnlyList<Finding>> ScanResults => Volatile.Read(ref _scan);

    public int ScanGeneration => Volatile.Read(ref _scanGeneration);

    public Task<DocumentAnalysis> GetAsync(ServerState state, DocumentSnapshot document, CancellationToken cancellationToken)
    {
        Task<DocumentAnalysis> task;
        lock (_gate)
        {
            if (_entries.TryGetValue(document.Uri, out var existing)
                && existing.Version == document.Version
                && existing.Generation == state.ConfigurationGeneration
                && !existing.Task.IsCanceled && !existing.Task.IsFaulted)
            {
                task = existing.Task;
            }
            else if (existing is not null && (existing.Version > document.Version || existing.Generation > state.ConfigurationGeneration))
            {
                // A request dispatched on an older snapshot: answer it without disturbing the newer work.
                task = AnalyzeAsync(state, document, cancellationToken);
            }
            else
            {
                existing?.Cancellation.Cancel();
                var cts = new CancellationTokenSource();
                task = AnalyzeAsync(state, document, cts.Token);
                _entries[document.Uri] = new Entry(document.Version, state.ConfigurationGeneration, cts, task);
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>After didOpen/didChange/didSave: analyze after the debounce delay and push, unless the client pulls.</summary>
    public void Schedule(ServerState state, DocumentSnapshot document)
    {
        CancellationTokenSource cts;
        lock (_gate)
        {
            _open.Add(document.Uri);
            if (state.Client.PullDiagnostics)
            {
                return;
            }

            if (_pending.Remove(document.Uri, out var previous))
            {
                previous.Cancel();
            }

            cts = new CancellationTokenSource();
            _pending[document.Uri] = cts;
        }

        var kind = document.Path is null ? DocumentKind.PlainText : DocumentClassifier.Classify(document.Path);
        var delay = Debounce(kind, _costs.TryGetValue(document.Uri, out var cost) ? cost : null, _services.Options);
        _ = Task.Run(() => RunScheduledAsync(state, document, delay, cts));
    }

    /// <summary>
    /// How long to wait after an edit: the configured debounce (longer for C#), but never longer than the last
    /// analysis of the document took. Waiting longer than the work costs saves nothing, since a newer edit cancels an
    /// older analysis anyway; so a cheap document (a 1,000-line manifest analyses in ~3 ms) waits only that long.
    /// </summary>
    internal static TimeSpan Debounce(DocumentKind kind, TimeSpan? lastCost, LanguageServerOptions options)
    {
        var configured = kind == DocumentKind.CSharp ? options.CSharpDebounce : options.OtherDebounce;
        if (lastCost is not { } cost || cost >= configured)
        {
            return configured;
        }

        // A timer wait costs several milliseconds more than asked for (measured: a 4 ms delay added ~8 ms to the
        // YAML edit-to-publish time); an analysis cheaper than that is simply run.
        return cost < MinimumUsefulDelay ? TimeSpan.Zero : cost;
    }

    private static readonly TimeSpan MinimumUsefulDelay = TimeSpan.FromMilliseconds(8);

    /// <summary>
    /// A document that cross-file rules read was opened, edited, saved or closed (a route mapped in Program.cs, a port
    /// in appsettings.json): drop the cached results of the other open documents those rules read and analyse them
    /// again (push), or ask the client to pull again. Call after the analysis service has the document's new overlay.
    /// </summary>
    public void RefreshRepositoryDependents(ServerState state, string changedUri, string? changedPath)
    {
        var analysis = state.Session?.Analysis;
        if (analysis is null || changedPath is null || !state.Settings.Enable || !analysis.IsRelevantToRepositoryRules(changedPath))
        {
            return;
        }

        var dependents = state.Documents.Values
            .Where(d => d.Uri != changedUri && d.Path is not null && analysis.CanReceiveRepositoryFindings(d.Path))
            .ToList();
        if (dependents.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            // Not cancelled: a pull request may be awaiting that analysis; it completes and is simply not reused.
            foreach (var document in dependents)
            {
                _entries.Remove(document.Uri);
            }
        }

        if (state.Client.PullDiagnostics)
        {
            _ = Task.Run(() => RefreshAllAsync(state));
            return;
        }

        foreach (var document in dependents)
        {
            Schedule(state, document);
        }
    }

    /// <summary>didClose: stop work for the document and clear what was published for it.</summary>
    public async Task CloseAsync(ServerState state, string uri)
    {
        _costs.TryRemove(uri, out _);
        lock (_gate)
        {
            _open.Remove(uri);
            if (_pending.Remove(uri, out var pending))
            {
                pending.Cancel();
            }

            if (_entries.Remove(uri, out var entry))
            {
                entry.Cancellation.Cancel();
            }
        }

        if (state.Client.PullDiagnostics)
        {
            return;
        }

        await _publish.WaitAsync().ConfigureAwait(false);
        try
        {
            var path = DocumentUris.ToPath(uri);
            var fromScan = path is not null && ScanResults.TryGetValue(path, out var findings) ? findings : Array.Empty<Finding>();
            await _services.Client.PublishDiagnosticsAsync(new PublishDiagnosticsParams
            {
                Uri = uri,
                Diagnostics = Visible(fromScan, state.Settings).Select(DiagnosticMapper.ToDiagnostic).ToArray(),
            }).ConfigureAwait(false);
        }
        finally
        {
            _publish.Release();
        }
    }

    /// <summary>Configuration changed: re-evaluate every open document (push) or ask the client to pull again.</summary>
    public async Task RefreshAllAsync(ServerState state)
    {
        if (state.Client.PullDiagnostics)
        {
            if (state.Client.DiagnosticRefresh)
            {
                try
                {
                    await _services.Client.RequestAsync<object?, object?>(Methods.DiagnosticRefresh, null, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _services.Log.Warn("diagnostic refresh failed: " + ex.Message);
                }
            }

            return;
        }

        foreach (var document in state.Documents.Values)
        {
            Schedule(state, document);
        }
    }

    /// <summary>The start-up (or requested) scan of files on disk, reported with $/progress.</summary>
    public async Task ScanWorkspaceAsync(ServerState state, CancellationToken cancellationToken)
    {
        var session = state.Session;
        if (session?.RootPath is null || !state.Settings.Enable)
        {
            return;
        }

        await using var progress = await WorkDoneReporter.StartAsync(_services, state.Client.WorkDoneProgress, "DevOpsLens: scanning the workspace", cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Finding> findings;
        try
        {
            findings = await session.Analysis.ScanAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            _services.Log.Error("workspace scan failed: " + ex.GetType().Name + ": " + ex.Message);
            return;
        }

        var byPath = Visible(findings, state.Settings)
            .GroupBy(f => ResolvePath(session.RootPath, f.Path), StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => (IReadOnlyList<Finding>)g.ToArray(), StringComparer.Ordinal);
        var previous = Interlocked.Exchange(ref _scan, byPath);
        Interlocked.Increment(ref _scanGeneration);
        Interlocked.Exchange(ref _scanChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        progress.Finish(byPath.Count + " files with findings");
        await progress.DisposeAsync().ConfigureAwait(false);
        _services.Log.Info("workspace scan: " + byPath.Values.Sum(v => v.Count) + " findings in " + byPath.Count + " files");

        if (state.Client.PullDiagnostics)
        {
            await RefreshAllAsync(state).ConfigureAwait(false);
            return;
        }

        var openPaths = _services.Queue.Current.Documents.Values.Select(d => d.Path).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var path in byPath.Keys.Concat(previous.Keys.Where(k => !byPath.ContainsKey(k))).Where(p => !openPaths.Contains(p)))
        {
            var items = byPath.TryGetValue(path, out var list) ? list : Array.Empty<Finding>();
            await _services.Client.PublishDiagnosticsAsync(new PublishDiagnosticsParams
            {
                Uri = DocumentUris.FromPath(path),
                Diagnostics = items.Select(DiagnosticMapper.ToDiagnostic).ToArray(),
            }).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the next scan result is stored (workspace/diagnostic long-polls on it).</summary>
    public Task WaitForScanChangeAsync(CancellationToken cancellationToken) => Volatile.Read(ref _scanChanged).Task.WaitAsync(cancellationToken);

    public static IEnumerable<Finding> Visible(IEnumerable<Finding> findings, ServerSettings settings) =>
        findings.Where(f => !f.IsSuppressed && f.Severity != Severity.None && f.Severity >= settings.MinimumSeverity);

    public static string ResolvePath(string? root, string findingPath)
    {
        if (Path.IsPathRooted(findingPath) || root is null)
        {
            return Path.GetFullPath(findingPath);
        }

        return Path.GetFullPath(Path.Combine(root, findingPath));
    }

    private async Task RunScheduledAsync(ServerState state, DocumentSnapshot document, TimeSpan delay, CancellationTokenSource cts)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cts.Token).ConfigureAwait(false);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var analysis = await GetAsync(state, document, cts.Token).ConfigureAwait(false);
            _costs[document.Uri] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await _publish.WaitAsync(cts.Token).ConfigureAwait(false);
            try
            {
                lock (_gate)
                {
                    if (!_pending.TryGetValue(document.Uri, out var current) || current != cts)
                    {
                        return;
                    }

                    _pending.Remove(document.Uri);
                }

                await _services.Client.PublishDiagnosticsAsync(new PublishDiagnosticsParams
                {
                    Uri = document.Uri,
                    Version = state.Client.PublishVersionSupport ? document.Version : null,
                    Diagnostics = analysis.Diagnostics,
                }).ConfigureAwait(false);
            }
            finally
            {
                _publish.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                if (_pending.TryGetValue(document.Uri, out var current) && current == cts)
                {
                    _pending.Remove(document.Uri);
                }
            }

            cts.Dispose();
        }
    }

    private Task<DocumentAnalysis> AnalyzeAsync(ServerState state, DocumentSnapshot document, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                Interlocked.Increment(ref _running);
                try
                {
                    var findings = await FindAsync(state, document, cancellationToken).ConfigureAwait(false);
                    var diagnostics = Visible(findings, state.Settings).Select(DiagnosticMapper.ToDiagnostic).ToArray();
                    return new DocumentAnalysis(document, state.ConfigurationGeneration, Interlocked.Increment(ref _sequence), findings, diagnostics);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                }
            },
            cancellationToken);

    private async Task<IReadOnlyList<Finding>> FindAsync(ServerState state, DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var session = state.Session;
        if (session is null || document.Path is null || !state.Settings.Enable)
        {
            return Array.Empty<Finding>();
        }

        if (DocumentClassifier.Classify(document.Path) == DocumentKind.CSharp && session.AnalyzerPackages.ProjectReferencesAnalyzers(document.Path))
        {
            return Array.Empty<Finding>();
        }

        try
        {
            return await session.Analysis.AnalyzeDocumentAsync(document.Path, document.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The engine already turns a failing rule into DL9003; this guards everything around it.
            _services.Log.Error("analysis of " + document.Path + " failed: " + ex.GetType().Name + ": " + ex.Message);
            var rule = RuleCatalog.RuleFailure;
            var message = rule.FormatMessage("analysis", ex.GetType().Name + ": " + FirstLine(ex.Message));
            return new[] { new Finding(rule.Id, document.Path, new TextRange(0, 0), default, default, message, rule.DefaultSeverity) };
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        return newline >= 0 ? text[..newline] : text;
    }

    private sealed record Entry(int Version, int Generation, CancellationTokenSource Cancellation, Task<DocumentAnalysis> Task);
}
