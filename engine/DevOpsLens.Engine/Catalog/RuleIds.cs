namespace DevOpsLens.Engine.Catalog;

/// <summary>
/// The ledger of rule IDs, in order. An ID is never reused: a retired rule keeps its constant, its page,
/// and names its replacement. Ranges: DL1xxx secrets and security, DL2xxx observability, DL3xxx deployment
/// risk, DL9xxx the tool itself.
/// </summary>
public static class RuleIds
{
    // DL1xxx secrets and security
    public const string KnownCredential = "DL1001";
    public const string PrivateKey = "DL1002";
    public const string ConnectionStringPassword = "DL1003";
    public const string UrlCredentials = "DL1004";
    public const string SecretAssignment = "DL1005";
    public const string CredentialApiLiteral = "DL1006";

    // DL2xxx observability and instrumentation (C#)
    public const string SwallowedException = "DL2001";
    public const string ExceptionNotLogged = "DL2002";
    public const string ConsoleOutput = "DL2003";
    public const string HttpClientPerCall = "DL2004";
    public const string MissingHealthChecks = "DL2005";
    public const string MissingTelemetry = "DL2006";
    public const string UnregisteredTelemetrySource = "DL2007";
    public const string UnguardedBackgroundLoop = "DL2008";
    public const string SecretLogged = "DL2009";

    // DL3xxx deployment risk: Kubernetes and containers
    public const string MissingResources = "DL3001";
    public const string MissingProbes = "DL3002";
    public const string SingleReplica = "DL3003";
    public const string UnpinnedImage = "DL3004";
    public const string PrivilegedContainer = "DL3005";
    public const string RunsAsRoot = "DL3006";
    public const string PlainSecretInEnv = "DL3007";
    public const string MissingDisruptionBudget = "DL3008";
    public const string HostPathVolume = "DL3009";

    // DL3xxx deployment risk: Dockerfile
    public const string DockerfileRootUser = "DL3021";
    public const string DockerfileAddUrl = "DL3022";
    public const string PipeToShell = "DL3023";
    public const string DockerfileSecretBuildValue = "DL3024";
    public const string DockerfileNoHealthcheck = "DL3025";

    // DL3xxx deployment risk: CI pipelines
    public const string UnpinnedAction = "DL3030";
    public const string PullRequestTargetCheckout = "DL3031";
    public const string ScriptInjection = "DL3032";
    public const string WorkflowPermissions = "DL3033";
    public const string SecretPrintedInCi = "DL3034";
    public const string UnpinnedPipelineInclude = "DL3035";

    // DL3xxx deployment risk: .NET dependencies
    public const string FloatingPackageVersion = "DL3040";
    public const string PrereleasePackage = "DL3041";
    public const string MajorVersionBump = "DL3042";
    public const string DependencySetChanged = "DL3043";

    // DL3xxx deployment risk: manifests against the service they deploy
    public const string ProbePathNotMapped = "DL3050";
    public const string PortMismatch = "DL3051";
    public const string TelemetryConfigMismatch = "DL3052";

    // DL3xxx deployment risk: the change as a whole
    public const string ChangeRisk = "DL3100";

    // DL9xxx the tool itself
    public const string UnreadableFile = "DL9001";
    public const string InvalidConfiguration = "DL9002";
    public const string RuleFailure = "DL9003";
    public const string FileSkipped = "DL9004";
    public const string MalformedDocument = "DL9005";
}
