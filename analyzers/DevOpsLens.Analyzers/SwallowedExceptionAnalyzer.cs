using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL2001. A catch is reported only when its body is trivial — nothing, or only <c>return</c> of a constant,
/// <c>continue</c>/<c>break</c> or assignment of a constant flag — and it neither uses the exception nor calls
/// anything. Exclusions (each a deliberate, common, visible choice): cancellation exceptions; a filter that
/// calls a method; Dispose, DisposeAsync, Close and finalizers (best-effort cleanup); a specific exception type
/// with a comment explaining why it is ignored or with a result returned (the Try-pattern); a general catch in a
/// <c>Try…</c> method returning <c>bool</c>; test code (a test project, or a class declaring tests), where catching
/// the expected exception is the assertion.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class SwallowedExceptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SwallowedException);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A test that expects an exception catches it and moves on: that is the assertion, not a swallowed failure.
            if (!Symbols.IsTestCompilation(start.Compilation))
            {
                start.RegisterSyntaxNodeAction(Analyze, SyntaxKind.CatchClause);
            }
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var clause = (CatchClauseSyntax)context.Node;
        var statements = clause.Block.Statements;

        // Syntax first: the caught type is asked for only when the catch body could be reported.
        if (InCleanupMethod(clause) || clause.Filter != null && clause.Filter.DescendantNodes().OfType<InvocationExpressionSyntax>().Any() ||
            !statements.All(IsTrivial) || UsesExceptionVariable(clause))
        {
            return;
        }

        if (TestCode.IsInTestClass(clause))
        {
            return;
        }

        var type = CatchClauses.CaughtType(clause, context.SemanticModel);
        if (CatchClauses.IsCancellation(type))
        {
            return;
        }

        var general = clause.Filter == null && CatchClauses.IsGeneral(type);

        if (!general)
        {
            // A specific type caught on purpose: silent only when the author left nothing to show it was deliberate.
            if (statements.Count > 0 || CatchClauses.HasComment(clause.Block))
            {
                return;
            }
        }
        else if (statements.Any(s => s is ReturnStatementSyntax { Expression: not null }) && IsTryPattern(Prefilter.ContainingMember(context.SemanticModel, clause, context.CancellationToken)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SwallowedException, CatchClauses.HeaderLocation(clause), CatchClauses.DisplayName(type)));
    }

    private static bool IsTrivial(StatementSyntax statement) => statement switch
    {
        EmptyStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        ReturnStatementSyntax ret => ret.Expression == null || IsConstant(ret.Expression),
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } =>
            assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsConstant(assignment.Right) &&
            assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax },
        _ => false,
    };

    private static bool IsConstant(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax or DefaultExpressionSyntax ||
        expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } ||
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" };

    private static bool UsesExceptionVariable(CatchClauseSyntax clause)
    {
        if (clause.Declaration == null || clause.Declaration.Identifier.IsKind(SyntaxKind.None))
        {
            return false;
        }

        var name = clause.Declaration.Identifier.ValueText;
        return clause.Block.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);
    }

    private static bool InCleanupMethod(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case FinallyClauseSyntax:
                case DestructorDeclarationSyntax:
                    return true;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText is "Dispose" or "DisposeAsync" or "DisposeCore" or "DisposeAsyncCore" or "Close";
            }
        }

        return false;
    }

    private static bool IsTryPattern(ISymbol? symbol) =>
        symbol is IMethodSymbol method && method.Name.StartsWith("Try", StringComparison.Ordinal) &&
        (method.ReturnType.SpecialType == SpecialType.System_Boolean ||
         method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean);
}
