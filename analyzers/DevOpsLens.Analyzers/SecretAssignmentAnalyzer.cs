using System;
using System.Collections.Immutable;
using System.Linq;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL1005 in C#: a compile-time string stored under a secret name — field, property, local or parameter
/// (initializer, default value or assignment), argument bound to a secret-named parameter, named attribute argument,
/// anonymous-object member, object or dictionary initializer, <c>config["Db:Password"] = …</c>, a collection
/// initializer's <c>{ "Password", … }</c> pair, or a property getter returning it — when
/// <see cref="SecretHeuristics"/> says the value looks like a real secret. Setting names (<c>"Db:Password"</c>),
/// placeholders, references and <c>nameof</c> are not values. Literals that DL1001–DL1004 or DL1006 already report
/// are left to those more specific rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretAssignmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretAssignment);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Names repeat across a compilation and options are per tree: both are cached for the compilation.
            var cache = new Cache(start.Options);
            start.RegisterOperationAction(
                c => AnalyzeOperation(c, cache),
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.ParameterInitializer,
                OperationKind.VariableDeclarator,
                OperationKind.SimpleAssignment,
                OperationKind.Argument,
                OperationKind.Invocation,
                OperationKind.Return);
            start.RegisterSyntaxNodeAction(c => AnalyzeAttributeArgument(c, cache), SyntaxKind.AttributeArgument);
        });
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, Cache cache)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation field:
                foreach (var f in field.InitializedFields)
                {
                    Check(context, cache, f.Name, field.Value);
                }

                break;
            case IPropertyInitializerOperation property:
                foreach (var p in property.InitializedProperties)
                {
                    Check(context, cache, p.Name, property.Value);
                }

                break;
            case IParameterInitializerOperation parameter:
                Check(context, cache, parameter.Parameter.Name, parameter.Value);
                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Check(context, cache, declarator.Symbol.Name, initializer.Value);
                break;
            case ISimpleAssignmentOperation assignment:
                if (TargetName(assignment.Target) is { } name && !IsCoveredByCredentialApi(assignment.Target))
                {
                    Check(context, cache, name, assignment.Value);
                }

                break;
            case IArgumentOperation { Parameter: { } parameter } argument when !argument.IsImplicit && argument.ArgumentKind == ArgumentKind.Explicit:
                if (argument.Parent is IObjectCreationOperation { Constructor: { } ctor } && CredentialApiLiteralAnalyzer.Slot(ctor, parameter.Name) != null ||
                    argument.Parent is IInvocationOperation { TargetMethod: var method } && CredentialApiLiteralAnalyzer.Slot(method, parameter.Name) != null)
                {
                    break;
                }

                Check(context, cache, parameter.Name, argument.Value);
                break;
            case IInvocationOperation invocation when invocation.Arguments.Length == 2 && invocation.TargetMethod.Name is "Add" or "TryAdd" or "SetEnvironmentVariable" &&
                                                     Symbols.TryGetConstantString(invocation.Arguments[0].Value, out var key):
                Check(context, cache, LastSegment(key), invocation.Arguments[1].Value);
                break;
            case IReturnOperation { ReturnedValue: { } returned } when context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } owner }:
                Check(context, cache, owner.Name, returned);
                break;
        }
    }

    private static void AnalyzeAttributeArgument(SyntaxNodeAnalysisContext context, Cache cache)
    {
        var argument = (AttributeArgumentSyntax)context.Node;
        var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
        if (name == null || !cache.IsSecretName(name, argument.SyntaxTree))
        {
            return;
        }

        var constant = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken);
        if (constant.HasValue && constant.Value is string value && !(argument.Expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }))
        {
            Report(context.ReportDiagnostic, cache.Options(argument.SyntaxTree), name, value, argument.Expression.GetLocation(), context.CancellationToken);
        }
    }

    private static void Check(OperationAnalysisContext context, Cache cache, string name, IOperation value)
    {
        // Cheapest first: most values are not compile-time strings.
        var unwrapped = Symbols.Unwrap(value);
        if (unwrapped == null || unwrapped is INameOfOperation || unwrapped.Type?.SpecialType != SpecialType.System_String ||
            unwrapped.Syntax.SyntaxTree != context.Operation.Syntax.SyntaxTree ||
            !Symbols.TryGetConstantString(unwrapped, out var text) || text.Length == 0 || !cache.IsSecretName(name, unwrapped.Syntax.SyntaxTree))
        {
            return;
        }

        Report(context.ReportDiagnostic, cache.Options(unwrapped.Syntax.SyntaxTree), name, text, unwrapped.Syntax.GetLocation(), context.CancellationToken);
    }

    private static void Report(Action<Diagnostic> report, RuleOptions options, string name, string value, Location location, System.Threading.CancellationToken cancellationToken)
    {
        if (!SecretHeuristics.LooksLikeSecretValue(value, options, out _) ||
            SecretScanner.Scan(value, DocumentKind.CSharp, options, cancellationToken).Any())
        {
            return;
        }

        report(Diagnostic.Create(Descriptors.SecretAssignment, location, name, Redactor.Redact(value)));
    }

    private static string? TargetName(IOperation target) => target switch
    {
        IFieldReferenceOperation f => f.Field.Name,
        IPropertyReferenceOperation { Property.IsIndexer: false } p => p.Property.Name,
        IPropertyReferenceOperation { Arguments.Length: 1 } indexer when Symbols.TryGetConstantString(indexer.Arguments[0].Value, out var key) => LastSegment(key),
        ILocalReferenceOperation l => l.Local.Name,
        IParameterReferenceOperation p => p.Parameter.Name,
        _ => null,
    };

    private static bool IsCoveredByCredentialApi(IOperation target) =>
        target is IPropertyReferenceOperation { Property: { IsIndexer: false } property } && CredentialApiLiteralAnalyzer.IsCredentialProperty(property);

    /// <summary><c>Db:Password</c>, <c>Db__Password</c> and <c>db.password</c> name the setting by their last segment.</summary>
    private static string LastSegment(string key)
    {
        var doubleUnderscore = key.LastIndexOf("__", StringComparison.Ordinal);
        var cut = Math.Max(key.LastIndexOf(':'), Math.Max(key.LastIndexOf('.'), doubleUnderscore < 0 ? -1 : doubleUnderscore + 1));
        return cut >= 0 && cut < key.Length - 1 ? key.Substring(cut + 1) : key;
    }

    private sealed class Cache
    {
        private readonly AnalyzerOptions _options;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, RuleOptions> _byTree = new();

        public Cache(AnalyzerOptions options) => _options = options;

        /// <summary>DL1005's <c>additional_names</c> option applies per tree; without it the answer depends on the name alone.</summary>
        public bool IsSecretName(string name, SyntaxTree tree)
        {
            var options = Options(tree);
            return options.GetList(RuleCatalog.SecretAssignment, "additional_names").Count == 0
                ? _names.GetOrAdd(name, SecretHeuristics.IsSecretName)
                : SecretHeuristics.IsSecretName(name, options);
        }

        public RuleOptions Options(SyntaxTree tree) => _byTree.GetOrAdd(tree, t => AnalyzerRuleOptions.For(_options, t));
    }
}
