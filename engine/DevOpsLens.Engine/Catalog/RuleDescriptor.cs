using System;
using System.Collections.Generic;

namespace DevOpsLens.Engine.Catalog;

/// <summary>Where a rule's check runs. A rule may run on several hosts; the catalog entry is the same.</summary>
[Flags]
public enum RuleHosts
{
    None = 0,

    /// <summary>Text or structured-document check in the engine (any file type, every host but the analyzers).</summary>
    Engine = 1,

    /// <summary>Roslyn DiagnosticAnalyzer on C# (dotnet build, IDEs, and in-process in the server and CLI).</summary>
    Analyzer = 2,

    /// <summary>Needs the change (diff against a base), not just the file: CLI --diff and the risk gate.</summary>
    Change = 4,

    /// <summary>Looks across files of a repository (a manifest against the C# service it deploys).</summary>
    Repository = 8,
}

/// <summary>A documented option of a rule: <c>devopslens.DL1005.min_entropy = 3.5</c> in .editorconfig.</summary>
public sealed class RuleOption
{
    public RuleOption(string name, string defaultValue, string description)
    {
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string Name { get; }

    public string DefaultValue { get; }

    public string Description { get; }
}

/// <summary>
/// The single definition of a rule. Analyzers, the language server, the CLI and the reports all adapt it;
/// none of them restates its title, message, severity or help link.
/// </summary>
public sealed class RuleDescriptor
{
    public const string HelpBaseUri = "https://github.com/devopslens/devopslens/blob/main/docs/rules/";

    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        Confidence confidence,
        RuleHosts hosts,
        string appliesTo,
        string description,
        IReadOnlyList<string>? tags = null,
        IReadOnlyList<RuleOption>? options = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Confidence = confidence;
        Hosts = hosts;
        AppliesTo = appliesTo;
        Description = description;
        Tags = tags ?? Array.Empty<string>();
        Options = options ?? Array.Empty<RuleOption>();
    }

    /// <summary><c>DL</c> + four digits. Never reused.</summary>
    public string Id { get; }

    /// <summary>Imperative, sentence case, no trailing period.</summary>
    public string Title { get; }

    /// <summary>One sentence naming the offending thing; <c>{0}</c>… are filled by the check. Never a full secret.</summary>
    public string MessageFormat { get; }

    /// <summary>Security, Observability, Deployment or Tooling.</summary>
    public string Category { get; }

    public Severity DefaultSeverity { get; }

    public Confidence Confidence { get; }

    public RuleHosts Hosts { get; }

    /// <summary>Human-readable file types the rule looks at ("any text file", "C#", "Kubernetes manifests").</summary>
    public string AppliesTo { get; }

    /// <summary>Why it matters, one short paragraph (hover text, SARIF fullDescription).</summary>
    public string Description { get; }

    public IReadOnlyList<string> Tags { get; }

    public IReadOnlyList<RuleOption> Options { get; }

    public bool IsEnabledByDefault => DefaultSeverity != Severity.None;

    /// <summary>Derived from the ID, never typed twice.</summary>
    public string HelpUri => HelpBaseUri + Id + ".md";

    /// <summary>Repository-relative path of the rule's page.</summary>
    public string DocsPath => "docs/rules/" + Id + ".md";

    public string FormatMessage(params object?[] args)
    {
        if (args == null || args.Length == 0)
        {
            return MessageFormat;
        }

        try
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
        }
        catch (FormatException)
        {
            return MessageFormat;
        }
    }

    public override string ToString() => Id + ": " + Title;
}
