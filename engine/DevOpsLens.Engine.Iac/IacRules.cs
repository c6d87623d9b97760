using DevOpsLens.Engine.Iac.Ci;
using DevOpsLens.Engine.Iac.CrossFile;
using DevOpsLens.Engine.Iac.Dependencies;
using DevOpsLens.Engine.Iac.Docker;
using DevOpsLens.Engine.Iac.Fixes;
using DevOpsLens.Engine.Iac.Kubernetes;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac;

/// <summary>
/// The deployment-risk rules (DL3xxx) for hosts: document checks for every file, repository checks across
/// manifests and the C# service, change checks for dependency files, and the quick fixes.
/// </summary>
public static class IacRules
{
    public static IReadOnlyList<IDocumentRule> DocumentRules { get; } = new IDocumentRule[]
    {
        new YamlDocumentDiagnosticsRule(),
        new MissingResourcesRule(),
        new MissingProbesRule(),
        new UnpinnedImageRule(),
        new PrivilegedContainerRule(),
        new RunsAsRootRule(),
        new PlainSecretInEnvRule(),
        new HostPathVolumeRule(),
        new DockerfileRootUserRule(),
        new DockerfileAddUrlRule(),
        new PipeToShellRule(),
        new DockerfileSecretBuildValueRule(),
        new DockerfileNoHealthcheckRule(),
        new UnpinnedActionRule(),
        new PullRequestTargetCheckoutRule(),
        new ScriptInjectionRule(),
        new WorkflowPermissionsRule(),
        new SecretPrintedInCiRule(),
        new UnpinnedPipelineIncludeRule(),
        new PackageVersionRule(),
    };

    public static IReadOnlyList<IRepositoryRule> RepositoryRules { get; } = new IRepositoryRule[]
    {
        new SingleReplicaRule(),
        new UnpinnedManifestImageRule(),
        new MissingDisruptionBudgetRule(),
        new ServiceConsistencyRule(),
    };

    public static IReadOnlyList<IChangeRule> ChangeRules { get; } = new IChangeRule[]
    {
        new DependencyChangeRule(),
    };

    public static IReadOnlyList<IFixProvider> FixProviders { get; } = new IFixProvider[]
    {
        new ResourcesFixProvider(),
        new DockerfileUserFixProvider(),
        new WorkflowPermissionsFixProvider(),
    };
}
