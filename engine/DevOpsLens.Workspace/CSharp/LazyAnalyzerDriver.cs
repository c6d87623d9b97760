using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Workspace.CSharp;

/// <summary>An analyzer action that threw: reported as DL9003 for the tree it was analyzing (or every tree).</summary>
internal sealed record AnalyzerFailure(DiagnosticAnalyzer Analyzer, Exception Exception, SyntaxTree? Tree);

/// <summary>What one run produced: diagnostics, failures, and the analyzers this driver could not run.</summary>
internal sealed record LazyAnalysisResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<AnalyzerFailure> Failures,
    ImmutableArray<DiagnosticAnalyzer> Unsupported);

/// <summary>
/// Runs analyzers that use only syntax-tree, syntax-node, compilation-start, compilation and compilation-end actions,
/// without Roslyn's analyzer driver. Roslyn's <see cref="CompilationWithAnalyzers"/> produces its compilation events by
/// compiling every method body of every analyzed tree, even when no analyzer ever looks at a body; on 500 files that
/// is seconds of binding per scan and most of a C# edit's latency. Here the trees are walked once each, every
/// registered node kind is dispatched, and an analyzer's semantic question (GetOperation, GetSymbolInfo, …) binds only
/// the member it asks about, through an ordinary lazily-binding <see cref="SemanticModel"/>. The DevOpsLens analyzers
/// ask only about nodes that pass a syntactic pre-check, so most bodies are never bound, and those marked
/// <c>[IgnoresContainingSymbol]</c> are not handed a containing symbol (computing it binds member declarations).
/// Analyzers that register anything else (operation, symbol, code-block, semantic-model actions, or suppressors) are
/// returned in <see cref="LazyAnalysisResult.Unsupported"/> for the caller to run through Roslyn's driver.
/// Generated files are skipped for analyzers that ask for that (<see cref="GeneratedCodeAnalysisFlags"/>), by file name
/// and <c>&lt;auto-generated&gt;</c> header, as Roslyn does; <c>#pragma warning disable</c> and
/// <c>[SuppressMessage]</c> are applied by the caller through <see cref="CompilationWithAnalyzers.GetEffectiveDiagnostics(ImmutableArray{Diagnostic}, Compilation)"/>.
/// </summary>
internal static class LazyAnalyzerDriver
{
    private static readonly ConditionalWeakTable<DiagnosticAnalyzer, Registration> Registrations = new();

    /// <summary>
    /// Analyzes <paramref name="trees"/> with every analyzer. Analyzers in <paramref name="wholeCompilation"/> walk every
    /// tree of the compilation and run their compilation-end actions (project-wide checks); the others walk
    /// <paramref name="trees"/> only and their compilation-end actions are skipped, because what they collected would be
    /// partial. Only diagnostics located in <paramref name="trees"/> are returned.
    /// </summary>
    public static LazyAnalysisResult Run(
        Compilation compilation,
        IReadOnlyCollection<SyntaxTree> trees,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableHashSet<DiagnosticAnalyzer> wholeCompilation,
        AnalyzerOptions options,
        CancellationToken cancellationToken)
    {
        var reportTrees = trees.ToHashSet();
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var failures = new ConcurrentBag<AnalyzerFailure>();
        var unsupported = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var sessions = new List<Session>();

        foreach (var analyzer in analyzers)
        {
            if (analyzer is DiagnosticSuppressor)
            {
                continue;
            }

            var registration = Registrations.GetValue(analyzer, Registration.Capture);
            if (registration.Unsupported)
            {
                unsupported.Add(analyzer);
                continue;
            }

            var session = new Session(analyzer, registration, wholeCompilation.Contains(analyzer), diagnostics, failures);
            var started = session.Start(compilation, options, cancellationToken);
            if (!started)
            {
                unsupported.Add(analyzer);
                continue;
            }

            sessions.Add(session);
        }

        if (sessions.Count > 0)
        {
            var allTrees = compilation.SyntaxTrees.ToList();
            var walked = sessions.Any(s => s.WholeCompilation) ? allTrees : allTrees.Where(reportTrees.Contains).ToList();
            Parallel.ForEach(
                walked,
                new ParallelOptions { CancellationToken = cancellationToken },
                tree => AnalyzeTree(compilation, tree, reportTrees.Contains(tree), sessions, options, cancellationToken));

            foreach (var session in sessions.Where(s => s.WholeCompilation))
            {
                session.End(compilation, options, cancellationToken);
            }
        }

        var located = diagnostics.Where(d => d.Location.SourceTree is { } tree && reportTrees.Contains(tree)).ToList();
        var failed = failures.Where(f => f.Tree == null || reportTrees.Contains(f.Tree)).ToList();
        return new LazyAnalysisResult(located, failed, unsupported.ToImmutable());
    }

    private static void AnalyzeTree(Compilation compilation, SyntaxTree tree, bool reported, List<Session> sessions, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var active = sessions.Where(s => reported || s.WholeCompilation).ToList();
        var generated = new Lazy<bool>(() => GeneratedCode.IsGenerated(tree, options, cancellationToken));
        active.RemoveAll(s => !s.AnalyzesGeneratedCode && generated.Value);
        if (active.Count == 0)
        {
            return;
        }

        foreach (var session in active)
        {
            session.AnalyzeTree(tree, options, cancellationToken);
        }

        var byKind = new Dictionary<SyntaxKind, List<(Session Session, Action<SyntaxNodeAnalysisContext> Action)>>();
        foreach (var session in active)
        {
            foreach (var (kind, action) in session.NodeActions)
            {
                if (!byKind.TryGetValue(kind, out var list))
                {
                    byKind[kind] = list = [];
                }

                list.Add((session, action));
            }
        }

        if (byKind.Count == 0)
        {
            return;
        }

        var model = new Lazy<SemanticModel>(() => compilation.GetSemanticModel(tree));
        var containing = new ContainingSymbols(model);
        var needsSymbol = byKind.ToDictionary(k => k.Key, k => k.Value.Any(a => a.Session.NeedsContainingSymbol));
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
        {
            if (!byKind.TryGetValue((SyntaxKind)node.RawKind, out var actions))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var symbol = needsSymbol[(SyntaxKind)node.RawKind] ? containing.For(node, cancellationToken) : null;
            foreach (var (session, action) in actions)
            {
                session.RunNodeAction(action, node, symbol, model.Value, options, tree, cancellationToken);
            }
        }
    }

    /// <summary>One analyzer's actions for one run, with its compilation-start registrations.</summary>
    private sealed class Session(
        DiagnosticAnalyzer analyzer,
        Registration registration,
        bool wholeCompilation,
        ConcurrentBag<Diagnostic> diagnostics,
        ConcurrentBag<AnalyzerFailure> failures)
    {
        private readonly HashSet<string> _supported = SupportedIds(analyzer);
        private readonly object _gate = new();
        private readonly List<Action<SyntaxTreeAnalysisContext>> _treeActions = [];
        private readonly List<Action<CompilationAnalysisContext>> _endActions = [];

        public bool WholeCompilation { get; } = wholeCompilation;

        public bool AnalyzesGeneratedCode => (registration.GeneratedCode & GeneratedCodeAnalysisFlags.Analyze) != 0;

        /// <summary>
        /// False for analyzers marked <c>[IgnoresContainingSymbol]</c> (matched by name, so any assembly can declare
        /// it): their node actions get no ContainingSymbol, which saves binding the declaration of every member visited.
        /// </summary>
        public bool NeedsContainingSymbol { get; } = !analyzer.GetType().GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == "IgnoresContainingSymbolAttribute");

        public List<(SyntaxKind Kind, Action<SyntaxNodeAnalysisContext> Action)> NodeActions { get; } = [];

        public bool Start(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var start in registration.StartActions)
            {
                var context = new StartContext(compilation, options, cancellationToken);
                if (!Guard(null, cancellationToken, () => start(context)))
                {
                    // A failed start leaves its actions unregistered, as in Roslyn; the failure is reported.
                    continue;
                }

                if (context.Unsupported)
                {
                    return false;
                }

                _treeActions.AddRange(context.TreeActions);
                NodeActions.AddRange(context.NodeActions);
                _endActions.AddRange(context.EndActions);
            }

            return true;
        }

        public void AnalyzeTree(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var action in _treeActions)
            {
#pragma warning disable CS0618 // The context constructors are public for hosts that drive analyzers themselves, which is what this is.
                var context = new SyntaxTreeAnalysisContext(tree, options, Report, IsSupported, cancellationToken);
#pragma warning restore CS0618
                Guard(tree, cancellationToken, () => action(context));
            }
        }

        public void RunNodeAction(Action<SyntaxNodeAnalysisContext> action, SyntaxNode node, ISymbol? containingSymbol, SemanticModel model, AnalyzerOptions options, SyntaxTree tree, CancellationToken cancellationToken)
        {
#pragma warning disable CS0618 // See AnalyzeTree.
            var context = new SyntaxNodeAnalysisContext(node, containingSymbol, model, options, Report, IsSupported, cancellationToken);
#pragma warning restore CS0618
            Guard(tree, cancellationToken, () => action(context));
        }

        public void End(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var action in _endActions)
            {
#pragma warning disable CS0618 // See AnalyzeTree.
                var context = new CompilationAnalysisContext(compilation, options, Report, IsSupported, cancellationToken);
#pragma warning restore CS0618
                Guard(null, cancellationToken, () => action(context));
            }
        }

        private bool IsSupported(Diagnostic diagnostic) => _supported.Contains(diagnostic.Id);

        private void Report(Diagnostic diagnostic)
        {
            // Roslyn's driver rejects a diagnostic the analyzer did not declare; so does this one (it becomes DL9003).
            if (!_supported.Contains(diagnostic.Id))
            {
                throw new ArgumentException($"Reported diagnostic '{diagnostic.Id}' is not supported by the analyzer.", nameof(diagnostic));
            }

            diagnostics.Add(diagnostic);
        }

        private bool Guard(SyntaxTree? tree, CancellationToken cancellationToken, Action action)
        {
            try
            {
                if (registration.Concurrent)
                {
                    action();
                }
                else
                {
                    lock (_gate)
                    {
                        action();
                    }
                }

                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failures.Add(new AnalyzerFailure(analyzer, ex, tree));
                return false;
            }
        }

        private static HashSet<string> SupportedIds(DiagnosticAnalyzer analyzer)
        {
            try
            {
                return analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            }
            catch (Exception)
            {
                return [];
            }
        }
    }

    /// <summary>
    /// Every registration an analyzer makes on <paramref name="compilation"/>, by method name: Initialize's and those of
    /// its compilation-start actions. What the driver would refuse shows up here too (the analyzer tests use this to
    /// keep every product analyzer within what <see cref="Run"/> supports).
    /// </summary>
    internal static IReadOnlyList<string> RegistrationsOf(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var registration = Registration.Capture(analyzer);
        var names = new List<string>(registration.Names);
        foreach (var start in registration.StartActions)
        {
            var context = new StartContext(compilation, options, CancellationToken.None);
            start(context);
            names.AddRange(context.Names);
        }

        return names;
    }

    /// <summary>
    /// What an analyzer's Initialize registered, captured once per analyzer instance. Every action is kept as a
    /// compilation-start action that registers it (a compilation action becomes an end action, as Roslyn runs it), so
    /// <see cref="StartContext"/> is the one place that decides what the driver can run.
    /// </summary>
    private sealed class Registration : AnalysisContext
    {
        /// <summary>Initialize threw: Roslyn's driver reports that best (AD0001).</summary>
        public bool Unsupported { get; private set; }

        public bool Concurrent { get; private set; }

        public GeneratedCodeAnalysisFlags GeneratedCode { get; private set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = [];

        public List<string> Names { get; } = [];

        public static Registration Capture(DiagnosticAnalyzer analyzer)
        {
            var registration = new Registration();
            try
            {
                analyzer.Initialize(registration);
            }
            catch (Exception)
            {
                registration.Unsupported = true;
            }

            return registration;
        }

        public override void EnableConcurrentExecution() => Concurrent = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Add(nameof(RegisterCompilationStartAction), action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Add(nameof(RegisterCompilationAction), s => s.RegisterCompilationEndAction(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Add(nameof(RegisterSyntaxTreeAction), s => s.RegisterSyntaxTreeAction(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            Add(nameof(RegisterSyntaxNodeAction), s => s.RegisterSyntaxNodeAction(action, syntaxKinds));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Add(nameof(RegisterSemanticModelAction), s => s.RegisterSemanticModelAction(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Add(nameof(RegisterSymbolAction), s => s.RegisterSymbolAction(action, symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Add(nameof(RegisterSymbolStartAction), s => s.RegisterSymbolStartAction(action, symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Add(nameof(RegisterCodeBlockStartAction), s => s.RegisterCodeBlockStartAction(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Add(nameof(RegisterCodeBlockAction), s => s.RegisterCodeBlockAction(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Add(nameof(RegisterOperationBlockStartAction), s => s.RegisterOperationBlockStartAction(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Add(nameof(RegisterOperationBlockAction), s => s.RegisterOperationBlockAction(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(nameof(RegisterOperationAction), s => s.RegisterOperationAction(action, operationKinds));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Add(nameof(RegisterAdditionalFileAction), s => s.RegisterAdditionalFileAction(action));

        private void Add(string name, Action<CompilationStartAnalysisContext> start)
        {
            Names.Add(name);
            StartActions.Add(start);
        }
    }

    /// <summary>The registrations of one compilation-start action; anything but syntax and end actions is unsupported.</summary>
    private sealed class StartContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        : CompilationStartAnalysisContext(compilation, options, cancellationToken)
    {
        public bool Unsupported { get; private set; }

        public List<string> Names { get; } = [];

        public List<Action<CompilationAnalysisContext>> EndActions { get; } = [];

        public List<Action<SyntaxTreeAnalysisContext>> TreeActions { get; } = [];

        public List<(SyntaxKind Kind, Action<SyntaxNodeAnalysisContext> Action)> NodeActions { get; } = [];

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
            Names.Add(nameof(RegisterCompilationEndAction));
            EndActions.Add(action);
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
            Names.Add(nameof(RegisterSyntaxTreeAction));
            TreeActions.Add(action);
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            Names.Add(nameof(RegisterSyntaxNodeAction));
            if (typeof(TLanguageKindEnum) != typeof(SyntaxKind))
            {
                Unsupported = true;
                return;
            }

            foreach (var kind in syntaxKinds)
            {
                NodeActions.Add(((SyntaxKind)(object)kind, action));
            }
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Refuse(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Refuse(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Refuse(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Refuse(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Refuse(nameof(RegisterCodeBlockAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Refuse(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Refuse(nameof(RegisterOperationBlockAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Refuse(nameof(RegisterOperationAction));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Refuse(nameof(RegisterAdditionalFileAction));

        private void Refuse(string name)
        {
            Names.Add(name);
            Unsupported = true;
        }
    }
}
