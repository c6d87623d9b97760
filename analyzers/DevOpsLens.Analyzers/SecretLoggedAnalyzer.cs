using System.Collections.Generic;
using System.Collections.Immutable;
using DevOpsLens.Engine.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2009. A string value written by a log call (Microsoft.Extensions.Logging, [LoggerMessage], Serilog, NLog,
/// log4net; Console/Debug/Trace in services) whose variable, parameter, field or property is secret-named, or that
/// is read from configuration under a secret-named key, or that fills a secret-named structured-logging placeholder
/// (<c>{Password}</c>). Values inside interpolations and concatenations count. Not reported: non-string values
/// (<c>tokenCount</c>, <c>hasPassword</c>), constants that do not look like a secret (<c>"X-Api-Key"</c>), and values passed through a call (<c>Redact(token)</c>,
/// <c>token.Length</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var service = ServiceCompilation.IsService(start.Compilation);
            start.RegisterOperationAction(c => Analyze(c, service), OperationKind.Invocation);
            start.RegisterOperationAction(AnalyzeUnbound, OperationKind.Invalid);
        });
    }

    private static void Analyze(OperationAnalysisContext context, bool service)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IEnumerable<(IOperation Value, string? Placeholder)> values;
        if (LogCall.TryCreate(invocation, out var call))
        {
            values = call.Values();
        }
        else if (service && ConsoleOutputAnalyzer.Describe(invocation) != null)
        {
            values = ConsoleValues(invocation);
        }
        else
        {
            return;
        }

        foreach (var (value, placeholder) in values)
        {
            Inspect(context, value, placeholder);
        }
    }

    /// <summary>
    /// A log call left unbound by an argument whose type comes from a package that is not restored: the arguments
    /// after the message template fill its placeholders in order.
    /// </summary>
    private static void AnalyzeUnbound(OperationAnalysisContext context)
    {
        var model = context.Operation.SemanticModel!;
        if (context.Operation.Syntax is not InvocationExpressionSyntax node ||
            !LogCall.TryGetUnboundLevel(model, node, context.CancellationToken, out _))
        {
            return;
        }

        List<string>? placeholders = null;
        var position = 0;
        foreach (var argument in node.ArgumentList.Arguments)
        {
            if (model.GetOperation(argument.Expression, context.CancellationToken) is not { } value)
            {
                continue;
            }

            if (placeholders == null && Symbols.TryGetConstantString(value, out var template))
            {
                placeholders = LogCall.ParsePlaceholders(template);
                continue;
            }

            string? placeholder = null;
            if (placeholders != null)
            {
                placeholder = position < placeholders.Count ? placeholders[position] : null;
                position++;
            }

            Inspect(context, value, placeholder);
        }
    }

    private static IEnumerable<(IOperation, string?)> ConsoleValues(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && Symbols.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } init })
            {
                foreach (var element in init.ElementValues)
                {
                    yield return (element, null);
                }
            }
            else if (!argument.IsImplicit)
            {
                yield return (argument.Value, null);
            }
        }
    }

    private static void Inspect(OperationAnalysisContext context, IOperation value, string? placeholder)
    {
        var operation = Symbols.Unwrap(value);
        switch (operation)
        {
            case null:
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        Inspect(context, hole.Expression, null);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Inspect(context, binary.LeftOperand, null);
                Inspect(context, binary.RightOperand, null);
                return;
        }

        if (operation.ConstantValue.HasValue)
        {
            // A secret-named constant holding a real-looking secret: DL1001/DL1005 report the declaration, but writing
            // it to the logs copies it to every sink and retention period, and survives moving the declaration to
            // configuration. Constants that name a secret rather than hold one ("X-Api-Key", "Stripe:ApiKey") stay quiet.
            if (operation is IFieldReferenceOperation or ILocalReferenceOperation && operation.ConstantValue.Value is string constant &&
                NameOf(operation) is { } constantName && SecretHeuristics.IsSecretName(constantName) &&
                SecretHeuristics.LooksLikeSecretValue(constant, DevOpsLens.Engine.Configuration.RuleOptions.Default, out _))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, operation.Syntax.GetLocation(), constantName));
            }

            return;
        }

        if (operation.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        var name = NameOf(operation);
        if (name != null && SecretHeuristics.IsSecretName(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, operation.Syntax.GetLocation(), name));
        }
        else if (name != null && placeholder != null && SecretHeuristics.IsSecretName(placeholder) && !NamesSomethingElse(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, operation.Syntax.GetLocation(), placeholder));
        }
    }

    /// <summary><c>tokenId</c>, <c>secretName</c>, <c>keyHash</c> filling a <c>{Token}</c> placeholder identify a secret without being one.</summary>
    private static bool NamesSomethingElse(string name)
    {
        foreach (var suffix in new[] { "Id", "ID", "Name", "Type", "Kind", "Hash", "Prefix", "Hint", "Length", "Count", "Fingerprint", "Thumbprint" })
        {
            if (name.EndsWith(suffix, System.StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string? NameOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l => l.Local.Name,
        IParameterReferenceOperation p => p.Parameter.Name,
        IFieldReferenceOperation f => f.Field.Name,
        IPropertyReferenceOperation { Property.IsIndexer: false } p => p.Property.Name,
        IPropertyReferenceOperation { Arguments.Length: 1 } indexer when IsConfiguration(indexer.Property.ContainingType) &&
                                                                        Symbols.TryGetConstantString(indexer.Arguments[0].Value, out var key) => LastSegment(key),
        IInvocationOperation { TargetMethod.Name: "GetValue" or "GetConnectionString" } get when get.Arguments.Length >= 2 &&
                                                                                            Symbols.TryGetConstantString(get.Arguments[1].Value, out var key) =>
            get.TargetMethod.Name == "GetConnectionString" ? "ConnectionString" : LastSegment(key),
        _ => null,
    };

    private static bool IsConfiguration(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (Symbols.Is(type, "Microsoft.Extensions.Configuration", "IConfiguration"))
        {
            return true;
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (Symbols.Is(iface, "Microsoft.Extensions.Configuration", "IConfiguration"))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastSegment(string key)
    {
        var cut = key.LastIndexOf(':');
        return cut >= 0 && cut < key.Length - 1 ? key.Substring(cut + 1) : key;
    }
}
