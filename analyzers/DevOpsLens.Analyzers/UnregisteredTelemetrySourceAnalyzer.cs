using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2007, compilation-wide: an ActivitySource or Meter created with a constant name that no <c>AddSource</c> /
/// <c>AddMeter</c> call in the same compilation matches (OpenTelemetry's <c>*</c> wildcard and case-insensitive
/// comparison apply). Only reported when the compilation registers sources (or meters) at all: a library that
/// defines sources for its host to register, and a service with no pipeline (DL2006), stay quiet. A registration
/// whose name cannot be resolved (a runtime value) makes the rule assume it could match anything.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class UnregisteredTelemetrySourceAnalyzer : DiagnosticAnalyzer
{
    private const string Source = "ActivitySource";
    private const string Meter = "Meter";

    /// <summary>Diagnostic property: "ActivitySource" or "Meter" (the code fix picks AddSource or AddMeter).</summary>
    public const string KindProperty = "Kind";

    /// <summary>Diagnostic property: the constant name to register.</summary>
    public const string NameProperty = "Name";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnregisteredTelemetrySource);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var state = new State();
            start.RegisterSyntaxNodeAction(c => OnCreationSyntax(c, state), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterSyntaxNodeAction(c => OnInvocationSyntax(c, state), SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(end => Report(end, state));
        });
    }

    /// <summary>
    /// Pre-check: <c>new ActivitySource(…)</c> or <c>new Meter(…)</c> as written (or through an alias) with an argument;
    /// an implicit <c>new(…)</c> whose target type is not written beside it is bound to find out. A tree without such
    /// creations or the calls below is never bound.
    /// </summary>
    private static void OnCreationSyntax(SyntaxNodeAnalysisContext context, State state)
    {
        var type = context.Node switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type,
            ImplicitObjectCreationExpressionSyntax implicitCreation => Prefilter.TargetTypeOf(implicitCreation),
            _ => null,
        };
        if (context.Node is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } } ||
            type != null && !Prefilter.TypeNameIs(type, name => name is Source or Meter))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IObjectCreationOperation creation)
        {
            OnCreation(creation, state);
        }
    }

    /// <summary>
    /// Pre-check: the pipeline and registration calls by name, and <c>Create</c> when the call mentions a meter or a
    /// factory (<c>meterFactory.Create("…")</c>, <c>MeterFactoryExtensions.Create(…)</c>). Not covered (a deliberate
    /// limit): IMeterFactory.Create on a receiver whose name says neither.
    /// </summary>
    private static void OnInvocationSyntax(SyntaxNodeAnalysisContext context, State state)
    {
        var node = (InvocationExpressionSyntax)context.Node;
        var name = Unresolved.MethodName(node);
        if (name is not ("WithTracing" or "AddOpenTelemetryTracing" or "WithMetrics" or "AddOpenTelemetryMetrics" or "AddSource" or "AddMeter") &&
            !(name == "Create" && node.ArgumentList.Arguments.Count > 0 && MentionsMeterFactory(node)))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(node, context.CancellationToken) is IInvocationOperation invocation)
        {
            OnInvocation(invocation, state);
        }

        OnUnboundInvocation(context, node, state);
    }

    private static bool MentionsMeterFactory(InvocationExpressionSyntax node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) &&
                (token.ValueText.IndexOf("meter", StringComparison.OrdinalIgnoreCase) >= 0 || token.ValueText.IndexOf("factory", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>OpenTelemetry's matching: case-insensitive, <c>*</c> for any run of characters.</summary>
    internal static bool Matches(string pattern, string name)
    {
        if (pattern.IndexOf('*') < 0)
        {
            return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        }

        var parts = pattern.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                if (!name.StartsWith(part, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                position = part.Length;
                continue;
            }

            if (i == parts.Length - 1)
            {
                return name.Length - position >= part.Length && name.EndsWith(part, StringComparison.OrdinalIgnoreCase);
            }

            var found = name.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }

    private static void OnCreation(IObjectCreationOperation creation, State state)
    {
        string kind;
        if (Symbols.Is(creation.Type, "System.Diagnostics", "ActivitySource"))
        {
            kind = Source;
        }
        else if (Symbols.Is(creation.Type, "System.Diagnostics.Metrics", "Meter"))
        {
            kind = Meter;
        }
        else
        {
            return;
        }

        if (creation.Arguments.Length == 0 || !TryGetName(creation.Arguments[0].Value, out var name))
        {
            return;
        }

        state.Created.Add((kind, name, creation.Syntax.GetLocation()));
        if (StoredIn(creation) is { } member)
        {
            state.NamesByMember[member] = name;
        }
    }

    private static void OnInvocation(IInvocationOperation invocation, State state)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "WithTracing" or "AddOpenTelemetryTracing":
                state.Pipelines.TryAdd(Source, true);
                break;
            case "WithMetrics" or "AddOpenTelemetryMetrics":
                state.Pipelines.TryAdd(Meter, true);
                break;
            case "AddSource":
                Register(invocation, state, Source);
                break;
            case "AddMeter":
                Register(invocation, state, Meter);
                break;
            case "Create" when Symbols.Is(method.ContainingType, "System.Diagnostics.Metrics", "IMeterFactory") ||
                               Symbols.Is(method.ContainingType, "System.Diagnostics.Metrics", "MeterFactoryExtensions"):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter != null && !Symbols.Is(argument.Parameter.Type, "System.Diagnostics.Metrics", "IMeterFactory") &&
                        TryGetName(argument.Value, out var name))
                    {
                        state.Created.Add((Meter, name, invocation.Syntax.GetLocation()));
                        break;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The same pipeline calls when the OpenTelemetry packages are not referenced (a clone that was never restored):
    /// matched by name, with every written argument read as a registered name.
    /// </summary>
    private static void OnUnboundInvocation(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax node, State state)
    {
        var (kind, registers) = Unresolved.MethodName(node) switch
        {
            "WithTracing" or "AddOpenTelemetryTracing" => (Source, false),
            "WithMetrics" or "AddOpenTelemetryMetrics" => (Meter, false),
            "AddSource" => (Source, true),
            "AddMeter" => (Meter, true),
            _ => ((string?)null, false),
        };
        if (kind == null || !Unresolved.IsUnbound(context.SemanticModel, node, context.CancellationToken))
        {
            return;
        }

        state.Pipelines.TryAdd(kind, true);
        if (!registers)
        {
            return;
        }

        var registered = kind == Source ? state.RegisteredSources : state.RegisteredMeters;
        foreach (var argument in node.ArgumentList.Arguments)
        {
            var constant = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken);
            if (constant.HasValue && constant.Value is string name)
            {
                registered.Add(name);
            }
            else if (argument.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name" } access &&
                     context.SemanticModel.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol is { Kind: SymbolKind.Field or SymbolKind.Property } member)
            {
                state.RegisteredMembers.Add((kind, member.OriginalDefinition));
            }
            else
            {
                registered.Add("*");
            }
        }
    }

    private static void Register(IInvocationOperation invocation, State state, string kind)
    {
        state.Pipelines.TryAdd(kind, true);
        var registered = kind == Source ? state.RegisteredSources : state.RegisteredMeters;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter == null || argument.Parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod)
            {
                continue;
            }

            var values = argument.ArgumentKind == ArgumentKind.ParamArray && Symbols.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } init }
                ? (IEnumerable<IOperation>)init.ElementValues
                : new[] { argument.Value };
            foreach (var value in values)
            {
                if (Symbols.TryGetConstantString(value, out var name))
                {
                    registered.Add(name);
                }
                else if (Symbols.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Name", Instance: { } instance } && Member(instance) is { } member)
                {
                    state.RegisteredMembers.Add((kind, member));
                }
                else
                {
                    registered.Add("*");
                }
            }
        }
    }

    private static void Report(CompilationAnalysisContext context, State state)
    {
        var sources = new List<string>(state.RegisteredSources);
        var meters = new List<string>(state.RegisteredMeters);
        foreach (var (kind, member) in state.RegisteredMembers)
        {
            if (state.NamesByMember.TryGetValue(member, out var name))
            {
                (kind == Source ? sources : meters).Add(name);
            }
            else
            {
                (kind == Source ? sources : meters).Add("*");
            }
        }

        foreach (var (kind, name, location) in state.Created)
        {
            var registered = kind == Source ? sources : meters;
            if (!state.Pipelines.ContainsKey(kind))
            {
                continue;
            }

            if (!registered.Exists(p => Matches(p, name)))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind).Add(NameProperty, name);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnregisteredTelemetrySource, location, properties, kind, name, kind == Source ? "AddSource" : "AddMeter"));
            }
        }
    }

    /// <summary>A constant name, or the constant name inside <c>new MeterOptions("…")</c>.</summary>
    private static bool TryGetName(IOperation value, out string name)
    {
        if (Symbols.TryGetConstantString(value, out name))
        {
            return name.Length > 0;
        }

        if (Symbols.Unwrap(value) is IObjectCreationOperation options && Symbols.Is(options.Type, "System.Diagnostics.Metrics", "MeterOptions") &&
            options.Arguments.Length > 0 && Symbols.TryGetConstantString(options.Arguments[0].Value, out name))
        {
            return name.Length > 0;
        }

        return false;
    }

    private static ISymbol? StoredIn(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation field when field.InitializedFields.Length == 1 => field.InitializedFields[0],
            IPropertyInitializerOperation property when property.InitializedProperties.Length == 1 => property.InitializedProperties[0],
            ISimpleAssignmentOperation assignment => Member(assignment.Target),
            _ => null,
        };
    }

    private static ISymbol? Member(IOperation operation) => Symbols.Unwrap(operation) switch
    {
        IFieldReferenceOperation f => f.Field.OriginalDefinition,
        IPropertyReferenceOperation p => p.Property.OriginalDefinition,
        _ => null,
    };

    private sealed class State
    {
        public ConcurrentBag<(string Kind, string Name, Location Location)> Created { get; } = new();

        public ConcurrentBag<string> RegisteredSources { get; } = new();

        public ConcurrentBag<string> RegisteredMeters { get; } = new();

        public ConcurrentBag<(string Kind, ISymbol Member)> RegisteredMembers { get; } = new();

        /// <summary>Kinds (ActivitySource, Meter) for which this compilation sets up a pipeline.</summary>
        public ConcurrentDictionary<string, bool> Pipelines { get; } = new();

        public ConcurrentDictionary<ISymbol, string> NamesByMember { get; } = new(SymbolEqualityComparer.Default);
    }
}
