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
/// are left to those more specific rules. Test code (a test project, or a class declaring tests) is not checked: its
/// passwords are fixtures, and a real provider key there is still reported by DL1001.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class SecretAssignmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretAssignment);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Test fixtures log in with made-up passwords; a real provider key in a test is still DL1001's.
            if (Symbols.IsTestCompilation(start.Compilation))
            {
                return;
            }

            // Names repeat across a compilation and options are per tree: both are cached for the compilation.
            var cache = new Cache(start.Options);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeNode(c, cache),
                SyntaxKind.EqualsValueClause,
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxKind.AnonymousObjectCreationExpression,
                SyntaxKind.Argument,
                SyntaxKind.InvocationExpression,
                SyntaxKind.ComplexElementInitializerExpression,
                SyntaxKind.ReturnStatement,
                SyntaxKind.ArrowExpressionClause);
            start.RegisterSyntaxNodeAction(c => AnalyzeAttributeArgument(c, cache), SyntaxKind.AttributeArgument);
        });
    }

    /// <summary>
    /// The syntactic pre-check, then the operation the node binds to. A node passes when the value it stores could be
    /// a compile-time string (literals, names of constants, <c>+</c> and interpolations of those; when it is literals
    /// alone, their text must look like a secret) and, where the name is written at the node (a declaration, an
    /// assignment target, a named argument, an anonymous member, a dictionary key, a property getter), that name is
    /// secret-named. A positional argument's name is its parameter's, which only binding tells; binding every call
    /// that passes a name or an interpolation would bind nearly every method, so there the value must be literals
    /// alone that look like a secret. Not covered (a deliberate limit): a positional argument that reaches its
    /// constant through a name (<c>Connect(Defaults.Seed)</c>); the constant's declaration is reported when its own
    /// name is secret-named, and a named argument (<c>password: Defaults.Seed</c>) still is.
    /// </summary>
    private static void AnalyzeNode(SyntaxNodeAnalysisContext context, Cache cache)
    {
        var node = context.Node;
        var tree = node.SyntaxTree;
        var model = context.SemanticModel;
        var ct = context.CancellationToken;
        switch (node)
        {
            case EqualsValueClauseSyntax clause:
                var declared = clause.Parent switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    ParameterSyntax parameter => parameter.Identifier.ValueText,
                    _ => null,
                };
                if (declared != null && cache.IsSecretName(declared, tree) && MayBeSecretConstant(clause.Value, cache, tree))
                {
                    var operation = model.GetOperation(clause, ct);
                    AnalyzeOperation(context, cache, operation is IVariableInitializerOperation { Parent: { } declarator } ? declarator : operation);
                }

                break;
            case AssignmentExpressionSyntax assignment:
                if (MayBeSecretTarget(assignment.Left, cache, tree) && MayBeSecretConstant(assignment.Right, cache, tree))
                {
                    AnalyzeOperation(context, cache, model.GetOperation(assignment, ct));
                }

                break;
            case AnonymousObjectCreationExpressionSyntax anonymous:
                if (anonymous.Initializers.Any(m => m.NameEquals is { } name && cache.IsSecretName(name.Name.Identifier.ValueText, tree) && MayBeSecretConstant(m.Expression, cache, tree)) &&
                    model.GetOperation(anonymous, ct) is IAnonymousObjectCreationOperation creation)
                {
                    foreach (var initializer in creation.Initializers)
                    {
                        AnalyzeOperation(context, cache, initializer);
                    }
                }

                break;
            case ArgumentSyntax argument:
                if (argument.NameColon is { } nameColon
                        ? cache.IsSecretName(nameColon.Name.Identifier.ValueText, tree) && MayBeSecretConstant(argument.Expression, cache, tree)
                        : IsSecretLiteral(argument.Expression, cache, tree))
                {
                    AnalyzeOperation(context, cache, model.GetOperation(argument, ct));
                }

                break;
            case InvocationExpressionSyntax invocation:
                if (Unresolved.MethodName(invocation) is "Add" or "TryAdd" or "SetEnvironmentVariable" && invocation.ArgumentList.Arguments is { Count: 2 } arguments &&
                    MayBeSecretKey(arguments[0].Expression, cache, tree) && MayBeSecretConstant(arguments[1].Expression, cache, tree))
                {
                    AnalyzeOperation(context, cache, model.GetOperation(invocation, ct));
                }

                break;
            case InitializerExpressionSyntax { Expressions: { Count: 2 } pair }:
                // { "Password", "…" } in a collection initializer: an implicit Add call, which the semantic model
                // hands out only as an element of the whole initializer.
                if (MayBeSecretKey(pair[0], cache, tree) && MayBeSecretConstant(pair[1], cache, tree) &&
                    node.Parent != null && model.GetOperation(node.Parent, ct) is IObjectOrCollectionInitializerOperation collection)
                {
                    foreach (var element in collection.Initializers)
                    {
                        if (element.Syntax == node)
                        {
                            AnalyzeOperation(context, cache, element);
                        }
                    }
                }

                break;
            case ReturnStatementSyntax { Expression: { } returned }:
                if (GetterOwnerName(node) is { } owner && cache.IsSecretName(owner, tree) && MayBeSecretConstant(returned, cache, tree))
                {
                    AnalyzeOperation(context, cache, model.GetOperation(node, ct));
                }

                break;
            case ArrowExpressionClauseSyntax arrow:
                // An expression-bodied getter: its implicit return has no syntax of its own.
                if (GetterOwnerName(arrow) is { } arrowOwner && cache.IsSecretName(arrowOwner, tree) && MayBeSecretConstant(arrow.Expression, cache, tree) &&
                    Prefilter.ContainingMember(model, arrow.Expression, ct) is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } getterOwner } &&
                    model.GetOperation(arrow.Expression, ct) is { } value)
                {
                    Check(context, cache, getterOwner.Name, value);
                }

                break;
        }
    }

    /// <summary>The old operation actions' logic, run on the operation a pre-checked node binds to.</summary>
    private static void AnalyzeOperation(SyntaxNodeAnalysisContext context, Cache cache, IOperation? operation)
    {
        switch (operation)
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
            case IReturnOperation { ReturnedValue: { } returned } when
                Prefilter.ContainingMember(context.SemanticModel, returned.Syntax, context.CancellationToken) is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } owner }:
                Check(context, cache, owner.Name, returned);
                break;
        }
    }

    /// <summary>The property (or indexer) whose getter holds the node; lambdas inside the getter count, as they did for operation actions.</summary>
    private static string? GetterOwnerName(SyntaxNode node)
    {
        for (var current = node.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case AccessorDeclarationSyntax accessor:
                    return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) ? OwnerName(accessor.Parent?.Parent) : null;
                case PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    return OwnerName(current);
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? OwnerName(SyntaxNode? declaration) => declaration switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        _ => null,
    };

    /// <summary>The assigned member or variable as written is secret-named, or is an indexer whose key may be.</summary>
    private static bool MayBeSecretTarget(ExpressionSyntax target, Cache cache, SyntaxTree tree) => target switch
    {
        IdentifierNameSyntax name => cache.IsSecretName(name.Identifier.ValueText, tree),
        MemberAccessExpressionSyntax member => cache.IsSecretName(member.Name.Identifier.ValueText, tree),
        MemberBindingExpressionSyntax binding => cache.IsSecretName(binding.Name.Identifier.ValueText, tree),
        ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } keys } => MayBeSecretKey(keys[0].Expression, cache, tree),
        ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys } => MayBeSecretKey(keys[0].Expression, cache, tree),
        _ => false,
    };

    /// <summary>A key whose literal text's last segment is secret-named, or a key that may be a constant declared elsewhere.</summary>
    private static bool MayBeSecretKey(ExpressionSyntax key, Cache cache, SyntaxTree tree) =>
        Prefilter.LiteralText(WithoutCasts(key)) is { } text ? cache.IsSecretName(LastSegment(text), tree) : MayBeConstant(key);

    /// <summary>Literals alone, spelling a value that looks like a secret.</summary>
    private static bool IsSecretLiteral(ExpressionSyntax value, Cache cache, SyntaxTree tree) =>
        Prefilter.LiteralText(WithoutCasts(value)) is { Length: > 0 } text && SecretHeuristics.LooksLikeSecretValue(text, cache.Options(tree), out _);

    /// <summary>May be a compile-time string (constants included); when it is literals alone, the text must look like a secret.</summary>
    private static bool MayBeSecretConstant(ExpressionSyntax value, Cache cache, SyntaxTree tree)
    {
        var unwrapped = WithoutCasts(value);
        return Prefilter.LiteralText(unwrapped) is { } text
            ? text.Length > 0 && SecretHeuristics.LooksLikeSecretValue(text, cache.Options(tree), out _)
            : MayBeConstant(unwrapped);
    }

    private static ExpressionSyntax WithoutCasts(ExpressionSyntax value)
    {
        while (true)
        {
            switch (value)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    value = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    value = cast.Expression;
                    continue;
                default:
                    return value;
            }
        }
    }

    /// <summary>Built only of literals, names (possible constants), <c>+</c> and interpolations of those: what C# can fold to a constant.</summary>
    private static bool MayBeConstant(ExpressionSyntax value) => WithoutCasts(value) switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax member => MayBeConstant(member.Expression),
        BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) && MayBeConstant(binary.Left) && MayBeConstant(binary.Right),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.All(c => c is InterpolatedStringTextSyntax || c is InterpolationSyntax hole && MayBeConstant(hole.Expression)),
        _ => false,
    };

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

    private static void Check(SyntaxNodeAnalysisContext context, Cache cache, string name, IOperation value)
    {
        // Cheapest first: most values are not compile-time strings.
        var unwrapped = Symbols.Unwrap(value);
        if (unwrapped == null || unwrapped is INameOfOperation || unwrapped.Type?.SpecialType != SpecialType.System_String ||
            unwrapped.Syntax.SyntaxTree != context.Node.SyntaxTree ||
            !Symbols.TryGetConstantString(unwrapped, out var text) || text.Length == 0 || !cache.IsSecretName(name, unwrapped.Syntax.SyntaxTree))
        {
            return;
        }

        Report(context.ReportDiagnostic, cache.Options(unwrapped.Syntax.SyntaxTree), name, text, unwrapped.Syntax.GetLocation(), context.CancellationToken);
    }

    private static void Report(Action<Diagnostic> report, RuleOptions options, string name, string value, Location location, System.Threading.CancellationToken cancellationToken)
    {
        if (!SecretHeuristics.LooksLikeSecretValue(value, options, out _) ||
            SecretScanner.Scan(value, DocumentKind.CSharp, options, cancellationToken).Any() ||
            location.SourceTree is { } tree && TestCode.IsInTestClass(tree.GetRoot(cancellationToken).FindNode(location.SourceSpan)))
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
