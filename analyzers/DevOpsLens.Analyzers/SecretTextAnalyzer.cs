using System.Collections.Immutable;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL1001–DL1004 in C#: the engine's <see cref="SecretScanner"/> over the whole file text, reported at the spans it
/// returns, so the compiler, the language server and the CLI give identical findings for the same file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class SecretTextAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.KnownCredential, Descriptors.PrivateKey, Descriptors.ConnectionStringPassword, Descriptors.UrlCredentials, Descriptors.RuleFailure);

    public override void Initialize(AnalysisContext context)
    {
        // Generated files are scanned too: a secret baked into generated code is still in the assembly.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        try
        {
            Scan(context);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            // The engine is shared with the CLI and the server; a failure on one file is reported as DL9003 there, so
            // it is here too, instead of Roslyn's generic AD0001.
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RuleFailure, Location.Create(context.Tree, new TextSpan(0, 0)), RuleIds.KnownCredential, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static void Scan(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken).ToString();
        var options = AnalyzerRuleOptions.For(context.Options, context.Tree);
        foreach (var match in SecretScanner.Scan(text, DocumentKind.CSharp, options, context.CancellationToken))
        {
            var descriptor = match.Rule.Id switch
            {
                RuleIds.KnownCredential => Descriptors.KnownCredential,
                RuleIds.PrivateKey => Descriptors.PrivateKey,
                RuleIds.ConnectionStringPassword => Descriptors.ConnectionStringPassword,
                RuleIds.UrlCredentials => Descriptors.UrlCredentials,
                _ => null,
            };
            if (descriptor == null)
            {
                continue;
            }

            var location = Location.Create(context.Tree, TextSpan.FromBounds(match.Range.Start, match.Range.End));
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, match.Provider, match.Redacted));
        }
    }
}
