using System.Collections.Immutable;
using DevOpsLens.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// The CLI and the language server run the analyzers in a light driver that supports syntax-tree, syntax-node and
/// compilation-start/-end actions only, and binds a method body only when an analyzer asks about a node in it.
/// Operation, operation-block, code-block, symbol, semantic-model and compilation actions would either be skipped
/// there or force every body to be bound, so no analyzer may register one. Each analyzer's Initialize and its
/// compilation-start actions run against recording contexts, on a compilation that passes every start gate (a
/// service with IHttpClientFactory, not a test project).
/// </summary>
public sealed class AnalyzerRegistrationTests
{
    private static readonly string[] Allowed =
    {
        nameof(AnalysisContext.RegisterSyntaxTreeAction),
        nameof(AnalysisContext.RegisterSyntaxNodeAction),
        nameof(AnalysisContext.RegisterCompilationStartAction),
        nameof(CompilationStartAnalysisContext.RegisterCompilationEndAction),
    };

    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(SecretTextAnalyzer).Assembly.GetTypes()
                     .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t) && !t.IsAbstract)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Registers_only_syntax_and_compilation_start_or_end_actions(string typeName)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(typeof(SecretTextAnalyzer).Assembly.GetType(typeName, throwOnError: true)!)!;

        var registrations = Record(analyzer);

        Assert.Contains(registrations, r => r is nameof(AnalysisContext.RegisterSyntaxTreeAction) or nameof(AnalysisContext.RegisterSyntaxNodeAction));
        Assert.All(registrations, r => Assert.Contains(r, Allowed));
    }

    [Fact]
    public void Recorder_sees_an_operation_action_registered_at_compilation_start()
    {
        var registrations = Record(new OperationActionAnalyzer());

        Assert.Contains(nameof(AnalysisContext.RegisterOperationAction), registrations);
        Assert.DoesNotContain(nameof(AnalysisContext.RegisterOperationAction), Allowed);
    }

    private static List<string> Record(DiagnosticAnalyzer analyzer)
    {
        var recorder = new RecordingContext();
        analyzer.Initialize(recorder);
        var compilation = CSharpCompilation.Create(
            "Service",
            new[] { CSharpSyntaxTree.ParseText("public sealed class Orders { }") },
            TestReferences.For(Framework.AspNetCore),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (var start in recorder.StartActions)
        {
            start(new RecordingStartContext(compilation, recorder.Registrations));
        }

        return recorder.Registrations;
    }

    private sealed class RecordingContext : AnalysisContext
    {
        public List<string> Registrations { get; } = new();

        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
            Registrations.Add(nameof(RegisterCompilationStartAction));
            StartActions.Add(action);
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Registrations.Add(nameof(RegisterCompilationAction));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registrations.Add(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registrations.Add(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registrations.Add(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            Registrations.Add(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registrations.Add(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registrations.Add(nameof(RegisterSyntaxTreeAction));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Registrations.Add(nameof(RegisterAdditionalFileAction));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            Registrations.Add(nameof(RegisterSyntaxNodeAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            Registrations.Add(nameof(RegisterOperationAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registrations.Add(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registrations.Add(nameof(RegisterOperationBlockAction));

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void EnableConcurrentExecution()
        {
        }
    }

    private sealed class RecordingStartContext(Compilation compilation, List<string> registrations)
        : CompilationStartAnalysisContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => registrations.Add(nameof(RegisterCompilationEndAction));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => registrations.Add(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => registrations.Add(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => registrations.Add(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            registrations.Add(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => registrations.Add(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => registrations.Add(nameof(RegisterSyntaxTreeAction));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => registrations.Add(nameof(RegisterAdditionalFileAction));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            registrations.Add(nameof(RegisterSyntaxNodeAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            registrations.Add(nameof(RegisterOperationAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => registrations.Add(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => registrations.Add(nameof(RegisterOperationBlockAction));
    }

    /// <summary>What the rules used to do: proves the recorder reaches actions registered inside a compilation-start action.</summary>
#pragma warning disable RS1001, RS1025, RS1026 // A test double, never shipped or run by a driver.
    private sealed class OperationActionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context) =>
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => { }, OperationKind.Invocation));
    }
#pragma warning restore RS1001, RS1025, RS1026
}
