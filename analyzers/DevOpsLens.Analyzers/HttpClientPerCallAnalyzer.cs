using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2004. <c>new HttpClient(…)</c> in a method, lambda, local function or accessor of a compilation where
/// IHttpClientFactory is available. Not reported: field and property initializers and constructors (created
/// once per instance: lifetime decides), the entry point (once per process), clients stored in a static member
/// or handed to a DI registration, <c>new HttpClient(sharedHandler, disposeHandler: false)</c> (the documented
/// way to share a handler), and tests.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class HttpClientPerCallAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HttpClientPerCall);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var httpClient = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            if (httpClient == null || start.Compilation.GetTypeByMetadataName("System.Net.Http.IHttpClientFactory") == null ||
                Symbols.IsTestCompilation(start.Compilation))
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => Analyze(c, httpClient), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        });
    }

    /// <summary>
    /// <c>new HttpClient(…)</c> as written (or through an alias); an implicit <c>new(…)</c> whose declared type is
    /// written elsewhere, or not at all (an assignment, a return, an argument), is bound to find out.
    /// </summary>
    private static bool MayCreateHttpClient(SyntaxNode node) => node switch
    {
        ObjectCreationExpressionSyntax explicitCreation => Prefilter.TypeNameIs(explicitCreation.Type, IsHttpClientName),
        ImplicitObjectCreationExpressionSyntax implicitCreation => Prefilter.TargetTypeOf(implicitCreation) is not { } target || Prefilter.TypeNameIs(target, IsHttpClientName),
        _ => false,
    };

    private static bool IsHttpClientName(string name) => name == "HttpClient";

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol httpClient)
    {
        if (!MayCreateHttpClient(context.Node) || TestCode.IsInTestClass(context.Node) ||
            context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation ||
            !SymbolEqualityComparer.Default.Equals(creation.Type, httpClient))
        {
            return;
        }

        if (Prefilter.ContainingMember(context.SemanticModel, context.Node, context.CancellationToken) is not IMethodSymbol method ||
            method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor ||
            ServiceCompilation.IsEntryPoint(method) || SharesHandler(creation) || IsStoredOrRegistered(creation))
        {
            return;
        }

        var name = method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet
            ? ((IPropertySymbol)method.AssociatedSymbol!).Name
            : method.Name;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.HttpClientPerCall, creation.Syntax.GetLocation(), name));
    }

    private static bool SharesHandler(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "disposeHandler" && argument.Value.ConstantValue is { HasValue: true, Value: false })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStoredOrRegistered(IOperation creation)
    {
        var sawAssignment = false;
        for (var current = creation.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IAssignmentOperation assignment when !sawAssignment:
                    sawAssignment = true;
                    var target = assignment.Target switch
                    {
                        IFieldReferenceOperation f => (ISymbol)f.Field,
                        IPropertyReferenceOperation p => p.Property,
                        _ => null,
                    };
                    if (target is { IsStatic: true })
                    {
                        return true;
                    }

                    break;
                case IInvocationOperation invocation when Symbols.NamespaceStartsWith(invocation.TargetMethod.ContainingNamespace, "Microsoft.Extensions.DependencyInjection"):
                    // services.AddSingleton(new HttpClient()) or a factory lambda handed to a registration.
                    return true;
            }
        }

        return false;
    }
}
