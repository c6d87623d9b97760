using DevOpsLens.Engine.Iac;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Secrets;

namespace DevOpsLens.Workspace;

/// <summary>
/// The engine checks a workspace runs. <see cref="Default"/> lists the product's rules; tests and hosts may
/// compose their own. C# analyzers are not listed here: they are loaded from the analyzer assembly.
/// </summary>
public sealed class RuleRegistry
{
    public RuleRegistry(
        IEnumerable<IDocumentRule>? documentRules = null,
        IEnumerable<IRepositoryRule>? repositoryRules = null,
        IEnumerable<IChangeRule>? changeRules = null,
        IEnumerable<IFixProvider>? fixProviders = null)
    {
        DocumentRules = (documentRules ?? []).ToArray();
        RepositoryRules = (repositoryRules ?? []).ToArray();
        ChangeRules = (changeRules ?? []).ToArray();
        FixProviders = (fixProviders ?? []).ToArray();
    }

    /// <summary>Every engine rule of the product.</summary>
    public static RuleRegistry Default { get; } = new(
        documentRules: [new SecretScanner(), .. IacRules.DocumentRules],
        repositoryRules: IacRules.RepositoryRules,
        changeRules: IacRules.ChangeRules,
        fixProviders: IacRules.FixProviders);

    public IReadOnlyList<IDocumentRule> DocumentRules { get; }

    public IReadOnlyList<IRepositoryRule> RepositoryRules { get; }

    public IReadOnlyList<IChangeRule> ChangeRules { get; }

    public IReadOnlyList<IFixProvider> FixProviders { get; }
}
