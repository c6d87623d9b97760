using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Analyzers.Tests.Infrastructure;

/// <summary>
/// The smallest driver the analyzers must work under: it runs syntax-tree, syntax-node and compilation-start/-end
/// actions only, on an ordinary SemanticModel (which binds a method body only when asked about a node in it), and
/// gives syntax-node actions no containing symbol. Every other kind of registration is recorded, never run, so a test
/// can fail on it. The CLI's and the language server's driver (DevOpsLens.Workspace) follows the same contract.
/// </summary>
internal sealed class LightDriver
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly List<Action<SyntaxTreeAnalysisContext>> _treeActions = new();
    private readonly Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> _nodeActions = new();
    private readonly List<Action<CompilationAnalysisContext>> _endActions = new();

    private LightDriver(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        _options = options;
    }

    /// <summary>Every registration an analyzer made, by the name of the Register method it called.</summary>
    public List<string> Registrations { get; } = new();

    public static LightDriver Create(IEnumerable<DiagnosticAnalyzer> analyzers, Compilation compilation, AnalyzerOptions? options = null)
    {
        var driver = new LightDriver(compilation, options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var context = new Context(driver);
        foreach (var analyzer in analyzers)
        {
            analyzer.Initialize(context);
        }

        foreach (var start in context.StartActions)
        {
            start(new StartContext(driver));
        }

        return driver;
    }

    // The context constructors are obsolete only to steer analyzer tests towards CompilationWithAnalyzers; a driver
    // that is not CompilationWithAnalyzers has no other way to build them.
#pragma warning disable CS0618
    public List<Diagnostic> Run(CancellationToken cancellationToken = default)
    {
        var diagnostics = new ConcurrentBag<Diagnostic>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var model = _compilation.GetSemanticModel(tree);
            foreach (var action in _treeActions)
            {
                action(new SyntaxTreeAnalysisContext(tree, _options, diagnostics.Add, _ => true, cancellationToken));
            }

            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
            {
                if (_nodeActions.TryGetValue(node.Kind(), out var actions))
                {
                    foreach (var action in actions)
                    {
                        action(new SyntaxNodeAnalysisContext(node, null, model, _options, diagnostics.Add, _ => true, cancellationToken));
                    }
                }
            }
        }

        foreach (var end in _endActions)
        {
            end(new CompilationAnalysisContext(_compilation, _options, diagnostics.Add, _ => true, cancellationToken));
        }

        return diagnostics.ToList();
    }
#pragma warning restore CS0618

    private void AddNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds)
        where TLanguageKindEnum : struct
    {
        Registrations.Add(nameof(AnalysisContext.RegisterSyntaxNodeAction));
        foreach (var kind in kinds)
        {
            var syntaxKind = (SyntaxKind)(object)kind;
            if (!_nodeActions.TryGetValue(syntaxKind, out var list))
            {
                _nodeActions[syntaxKind] = list = new List<Action<SyntaxNodeAnalysisContext>>();
            }

            list.Add(action);
        }
    }

    private void AddTreeAction(Action<SyntaxTreeAnalysisContext> action)
    {
        Registrations.Add(nameof(AnalysisContext.RegisterSyntaxTreeAction));
        _treeActions.Add(action);
    }

    private sealed class Context(LightDriver driver) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
            driver.Registrations.Add(nameof(RegisterCompilationStartAction));
            StartActions.Add(action);
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => driver.AddTreeAction(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            driver.AddNodeAction(action, syntaxKinds);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterCompilationAction));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => driver.Registrations.Add(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => driver.Registrations.Add(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            driver.Registrations.Add(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterCodeBlockAction));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterAdditionalFileAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            driver.Registrations.Add(nameof(RegisterOperationAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterOperationBlockAction));

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void EnableConcurrentExecution()
        {
        }
    }

    private sealed class StartContext(LightDriver driver)
        : CompilationStartAnalysisContext(driver._compilation, driver._options, CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
            driver.Registrations.Add(nameof(RegisterCompilationEndAction));
            driver._endActions.Add(action);
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => driver.AddTreeAction(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            driver.AddNodeAction(action, syntaxKinds);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => driver.Registrations.Add(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => driver.Registrations.Add(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            driver.Registrations.Add(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterCodeBlockAction));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterAdditionalFileAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            driver.Registrations.Add(nameof(RegisterOperationAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => driver.Registrations.Add(nameof(RegisterOperationBlockAction));
    }
}
