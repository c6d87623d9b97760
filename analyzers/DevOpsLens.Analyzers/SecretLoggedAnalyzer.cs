using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using DevOpsLens.Engine.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
[IgnoresContainingSymbol]
public sealed class SecretLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SecretLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var filter = new CallFilter(start.Compilation, ServiceCompilation.IsService(start.Compilation));
            start.RegisterSyntaxNodeAction(c => Analyze(c, filter), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, CallFilter filter)
    {
        var node = (InvocationExpressionSyntax)context.Node;
        if (!filter.MayReport(node))
        {
            return;
        }

        switch (context.SemanticModel.GetOperation(node, context.CancellationToken))
        {
            case IInvocationOperation invocation:
                AnalyzeBound(context, invocation, filter.IsService);
                break;
            case IInvalidOperation:
                AnalyzeUnbound(context, node);
                break;
        }
    }

    private static void AnalyzeBound(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, bool service)
    {
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
    private static void AnalyzeUnbound(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax node)
    {
        var model = context.SemanticModel;
        if (!LogCall.TryGetUnboundLevel(model, node, context.CancellationToken, out _))
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

    private static void Inspect(SyntaxNodeAnalysisContext context, IOperation value, string? placeholder)
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

    /// <summary>
    /// The syntactic pre-check. A call can only be reported when the written call shows a reportable value: an
    /// identifier with a secret name (a variable, a member, a constant, a configuration key constant), a string
    /// literal whose configuration-key segment or template placeholder is secret-named, or a call to
    /// <c>GetConnectionString</c>; and when it is a log or console call by name, or mentions a logger (a [LoggerMessage]
    /// method of another project takes one). A call to a [LoggerMessage] method declared in this compilation (found
    /// by name from the declarations) is always bound: its placeholders are its parameter names, which the call site
    /// does not show. Not covered (deliberate limits): a message template held in a constant whose only secret-named
    /// part is a placeholder filled by a value with an ordinary name, and a value with an ordinary name filling a
    /// secret-named parameter of a [LoggerMessage] method declared in another project.
    /// </summary>
    private sealed class CallFilter
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, bool> _secretNames = new(StringComparer.Ordinal);
        private readonly Lazy<HashSet<string>> _loggerMessageMethods;
        private readonly ConcurrentDictionary<string, bool> _literals = new(StringComparer.Ordinal);

        public CallFilter(Compilation compilation, bool isService)
        {
            _compilation = compilation;
            IsService = isService;
            _loggerMessageMethods = new Lazy<HashSet<string>>(FindLoggerMessageMethods, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public bool IsService { get; }

        public bool MayReport(InvocationExpressionSyntax node)
        {
            var name = Unresolved.MethodName(node);
            if (name == null || node.ArgumentList.Arguments.Count == 0)
            {
                return false;
            }

            // Cheapest first: most calls are neither log calls by name nor mention a logger.
            if ((IsLogMethodName(name) || IsService && ConsoleOutputAnalyzer.IsWriteName(name) || MentionsLogger(node)) && ShowsSecretValue(node.ArgumentList))
            {
                return true;
            }

            return IsSourceLoggerMessageMethod(name);
        }

        /// <summary>
        /// Every name <see cref="LogCall.TryCreate"/> accepts apart from [LoggerMessage] methods: LoggerExtensions'
        /// <c>Log</c>, <c>LogInformation</c>… (not <c>Login</c>), and the Serilog, NLog and log4net level methods.
        /// </summary>
        private static bool IsLogMethodName(string name) =>
            name.StartsWith("Log", StringComparison.Ordinal) && (name.Length == 3 || char.IsUpper(name[3])) ||
            name is "Fatal" or "Error" or "Warning" or "Information" or "Debug" or "Verbose" or "Write" or "Warn" or "Info" or "Trace" or
                "FatalFormat" or "ErrorFormat" or "WarnFormat" or "InfoFormat" or "DebugFormat";

        /// <summary>An identifier in the call with the word log, logs, logger or logging (<c>_logger</c>, <c>Log.SignedIn</c>, <c>AppLog</c>; not <c>Catalog</c>).</summary>
        private static bool MentionsLogger(InvocationExpressionSyntax node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && HasLogWord(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool HasLogWord(string identifier)
        {
            for (var at = identifier.Length < 3 ? -1 : identifier.IndexOf("og", 1, StringComparison.OrdinalIgnoreCase); at >= 0; at = identifier.IndexOf("og", at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var l = at - 1;
                var startsWord = identifier[l] == 'L' ? l == 0 || !char.IsUpper(identifier[l - 1]) || l + 3 < identifier.Length && char.IsLower(identifier[l + 3])
                               : identifier[l] == 'l' && (l == 0 || identifier[l - 1] == '_' || char.IsDigit(identifier[l - 1]));
                if (!startsWord)
                {
                    continue;
                }

                var end = at + 2;
                foreach (var suffix in new[] { "ging", "ger", "s" })
                {
                    if (string.Compare(identifier, end, suffix, 0, suffix.Length, StringComparison.Ordinal) == 0)
                    {
                        end += suffix.Length;
                        break;
                    }
                }

                if (end == identifier.Length || !char.IsLower(identifier[end]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ShowsSecretValue(ArgumentListSyntax arguments)
        {
            foreach (var token in arguments.DescendantTokens())
            {
                switch (token.Kind())
                {
                    case SyntaxKind.IdentifierToken:
                        if (token.ValueText == "GetConnectionString" || IsSecretName(token.ValueText))
                        {
                            return true;
                        }

                        break;
                    case SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or
                        SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken:
                        if (_literals.GetOrAdd(token.ValueText, NamesSecret))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private bool NamesSecret(string text)
        {
            if (text.Length == 0 || text.Length > 1024)
            {
                return false;
            }

            if (IsSecretName(LastSegment(text)))
            {
                return true;
            }

            foreach (var placeholder in LogCall.ParsePlaceholders(text))
            {
                if (IsSecretName(placeholder))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSecretName(string name) => _secretNames.GetOrAdd(name, SecretHeuristics.IsSecretName);

        /// <summary>A method of this name declared in the compilation carries [LoggerMessage] as written (no binding at all).</summary>
        private bool IsSourceLoggerMessageMethod(string name) => _loggerMessageMethods.Value.Contains(name);

        /// <summary>
        /// The names of the [LoggerMessage] methods declared in the compilation, read once per compilation from the
        /// declarations (the walk stops at member level, so no method body is visited). Each tree's names are kept
        /// with the tree: in an editor every edit makes a new compilation, but only the edited tree is new.
        /// </summary>
        private HashSet<string> FindLoggerMessageMethods()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                names.UnionWith(LoggerMessageNamesByTree.GetValue(tree, LoggerMessageNames));
            }

            return names;
        }

        private static readonly ConditionalWeakTable<SyntaxTree, string[]> LoggerMessageNamesByTree = new();

        private static string[] LoggerMessageNames(SyntaxTree tree)
        {
            var names = new List<string>();
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is MethodDeclarationSyntax method && method.AttributeLists.Count > 0 &&
                    method.AttributeLists.Any(list => list.Attributes.Any(a => a.Name.ToString() is var n && (n.EndsWith("LoggerMessage", StringComparison.Ordinal) || n.EndsWith("LoggerMessageAttribute", StringComparison.Ordinal)))))
                {
                    names.Add(method.Identifier.ValueText);
                }
            }

            return names.ToArray();
        }
    }
}
