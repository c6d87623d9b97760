using System.Collections.Immutable;
using DevOpsLens.Analyzers.Tests.Infrastructure;
using DevOpsLens.Workspace.CSharp;
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
/// compilation-start actions run through <see cref="LazyAnalyzerDriver.RegistrationsOf"/>, which records every registration, on a compilation
/// that passes every start gate (a service with IHttpClientFactory, not a test project).
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
        var compilation = CSharpCompilation.Create(
            "Service",
            new[] { CSharpSyntaxTree.ParseText("public sealed class Orders { }") },
            TestReferences.For(Framework.AspNetCore),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return LazyAnalyzerDriver.RegistrationsOf(analyzer, compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).ToList();
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
