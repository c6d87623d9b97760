using System.Collections.Generic;
using DevOpsLens.Engine.Catalog;
using Microsoft.CodeAnalysis;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Roslyn descriptors built from the engine's catalog, so a title, message, severity or help link is never
/// restated on the analyzer side.
/// </summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor KnownCredential = From(RuleCatalog.KnownCredential);
    public static readonly DiagnosticDescriptor PrivateKey = From(RuleCatalog.PrivateKey);
    public static readonly DiagnosticDescriptor ConnectionStringPassword = From(RuleCatalog.ConnectionStringPassword);
    public static readonly DiagnosticDescriptor UrlCredentials = From(RuleCatalog.UrlCredentials);
    public static readonly DiagnosticDescriptor SecretAssignment = From(RuleCatalog.SecretAssignment);
    public static readonly DiagnosticDescriptor CredentialApiLiteral = From(RuleCatalog.CredentialApiLiteral);
    public static readonly DiagnosticDescriptor SwallowedException = From(RuleCatalog.SwallowedException);
    public static readonly DiagnosticDescriptor ExceptionNotLogged = From(RuleCatalog.ExceptionNotLogged);
    public static readonly DiagnosticDescriptor ConsoleOutput = From(RuleCatalog.ConsoleOutput);
    public static readonly DiagnosticDescriptor HttpClientPerCall = From(RuleCatalog.HttpClientPerCall);
    public static readonly DiagnosticDescriptor MissingHealthChecks = From(RuleCatalog.MissingHealthChecks, compilationEnd: true);
    public static readonly DiagnosticDescriptor MissingTelemetry = From(RuleCatalog.MissingTelemetry, compilationEnd: true);
    public static readonly DiagnosticDescriptor UnregisteredTelemetrySource = From(RuleCatalog.UnregisteredTelemetrySource, compilationEnd: true);
    public static readonly DiagnosticDescriptor UnguardedBackgroundLoop = From(RuleCatalog.UnguardedBackgroundLoop);
    public static readonly DiagnosticDescriptor SecretLogged = From(RuleCatalog.SecretLogged);
    public static readonly DiagnosticDescriptor RuleFailure = From(RuleCatalog.RuleFailure);

    /// <summary>
    /// The catalog's severity words map onto Roslyn's: a rule whose default is <see cref="Severity.None"/> ships
    /// disabled (the user turns it on in .editorconfig) rather than as a hidden diagnostic.
    /// </summary>
    public static DiagnosticDescriptor From(RuleDescriptor rule, bool compilationEnd = false)
    {
        var tags = new List<string>(rule.Tags) { "DevOpsLens", "Confidence=" + rule.Confidence };
        if (compilationEnd)
        {
            // Roslyn requires this tag on diagnostics reported from a compilation-end action; it also tells
            // IDEs that the rule only runs on full-solution analysis.
            tags.Add(WellKnownDiagnosticTags.CompilationEnd);
        }

        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            ToRoslyn(rule.DefaultSeverity),
            isEnabledByDefault: rule.IsEnabledByDefault,
            description: rule.Description,
            helpLinkUri: rule.HelpUri,
            customTags: tags.ToArray());
    }

    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
