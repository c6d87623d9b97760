using System;
using System.Collections.Generic;
using System.Linq;

namespace DevOpsLens.Engine.Catalog;

/// <summary>Every rule, defined once. Hosts look rules up here; nothing else defines a title or severity.</summary>
public static class RuleCatalog
{
    private const string Security = "Security";
    private const string Observability = "Observability";
    private const string Deployment = "Deployment";
    private const string Tooling = "Tooling";

    private const string AnyText = "any text file";
    private const string CSharp = "C#";
    private const string Kubernetes = "Kubernetes manifests";
    private const string KubernetesAndCompose = "Kubernetes manifests, docker-compose files";
    private const string Dockerfile = "Dockerfiles";
    private const string Workflows = "GitHub Actions, GitLab CI, Azure Pipelines";
    private const string GitHubWorkflows = "GitHub Actions workflows";

    private static readonly string[] SecretTags = { "security", "secrets" };
    private static readonly string[] ObservabilityTags = { "observability", "reliability" };
    private static readonly string[] DeploymentTags = { "deployment", "reliability" };
    private static readonly string[] ContainerSecurityTags = { "deployment", "security" };
    private static readonly string[] SupplyChainTags = { "ci", "security", "supply-chain" };
    private static readonly string[] ToolTags = { "tool" };

    public static RuleDescriptor KnownCredential { get; } = new(
        RuleIds.KnownCredential,
        "Remove the hard-coded credential",
        "{0} is hard-coded: {1}",
        Security, Severity.Error, Confidence.High, RuleHosts.Engine | RuleHosts.Analyzer, AnyText,
        "A token in a provider's own format (cloud keys, source-control, chat, payment and AI tokens, JWTs) is usable by anyone who reads the repository, its history, build logs or a leaked package. Rotate it and load it from configuration or a secret store.",
        SecretTags,
        new[] { new RuleOption("disabled_detectors", "", "Comma-separated detector ids to turn off (see the rule page).") });

    public static RuleDescriptor PrivateKey { get; } = new(
        RuleIds.PrivateKey,
        "Remove the embedded private key",
        "{0} is embedded in the file: {1}",
        Security, Severity.Error, Confidence.High, RuleHosts.Engine | RuleHosts.Analyzer, AnyText,
        "A PEM, OpenSSH, PuTTY or PGP private key in the repository lets anyone who reads it impersonate the key's owner. Keys belong in a key vault or a mounted secret.",
        SecretTags);

    public static RuleDescriptor ConnectionStringPassword { get; } = new(
        RuleIds.ConnectionStringPassword,
        "Move the connection-string password out of source",
        "{0} connection string contains a password: {1}",
        Security, Severity.Error, Confidence.High, RuleHosts.Engine | RuleHosts.Analyzer, AnyText,
        "Connection strings with a literal password or shared access key (SQL Server, PostgreSQL, MySQL, MongoDB, Redis, Service Bus, Event Hubs, Storage) give direct access to production data. Use managed identity, or read the string from configuration or a secret store.",
        SecretTags);

    public static RuleDescriptor UrlCredentials { get; } = new(
        RuleIds.UrlCredentials,
        "Remove credentials from the URL",
        "URL embeds credentials for {0}: {1}",
        Security, Severity.Error, Confidence.High, RuleHosts.Engine | RuleHosts.Analyzer, AnyText,
        "A URL of the form scheme://user:password@host carries its password into logs, proxies, browser history and error reports. Pass credentials separately, from configuration.",
        SecretTags);

    public static RuleDescriptor SecretAssignment { get; } = new(
        RuleIds.SecretAssignment,
        "Do not assign a literal secret to a secret-named setting",
        "'{0}' is set to a literal secret: {1}",
        Security, Severity.Warning, Confidence.Medium, RuleHosts.Engine | RuleHosts.Analyzer, "configuration, environment, script and source files",
        "A password, token or key written as a literal next to a secret-like name (password, secret, token, api key, …) is a credential in source control. Placeholders, references to configuration or vaults, and example values are not reported.",
        SecretTags,
        new[]
        {
            new RuleOption("min_entropy", "3.0", "Minimum Shannon entropy (bits per character) for a value without digits or symbols to count as a secret."),
            new RuleOption("min_length", "8", "Minimum length of a value to be considered."),
            new RuleOption("additional_names", "", "Comma-separated extra key names to treat as secret-named."),
        });

    public static RuleDescriptor CredentialApiLiteral { get; } = new(
        RuleIds.CredentialApiLiteral,
        "Do not pass a literal credential to a credential API",
        "A literal is passed as {0}: {1}",
        Security, Severity.Warning, Confidence.High, RuleHosts.Analyzer, CSharp,
        "A constant flowing into NetworkCredential, a connection-string builder's Password, a signing key, a Bearer or Authorization header, an X509Certificate2 password or ClientSecretCredential is a hard-coded credential, whatever it looks like.",
        SecretTags);

    public static RuleDescriptor SwallowedException { get; } = new(
        RuleIds.SwallowedException,
        "Do not swallow exceptions",
        "The catch block for '{0}' neither logs, rethrows nor handles the exception",
        Observability, Severity.Warning, Confidence.High, RuleHosts.Analyzer, CSharp,
        "An empty or silent catch turns a production failure into wrong behaviour with no trace in logs, traces or metrics. Log the exception with its object, rethrow, or handle it visibly.",
        ObservabilityTags);

    public static RuleDescriptor ExceptionNotLogged { get; } = new(
        RuleIds.ExceptionNotLogged,
        "Pass the exception object to the logger",
        "'{0}' logs the failure without the exception object, so its stack trace is lost",
        Observability, Severity.Warning, Confidence.High, RuleHosts.Analyzer, CSharp,
        "Logging only ex.Message, or a message with no exception at all, inside a catch loses the type, stack trace and inner exceptions that an on-call engineer needs. Pass the exception as the logger's exception argument.",
        ObservabilityTags);

    public static RuleDescriptor ConsoleOutput { get; } = new(
        RuleIds.ConsoleOutput,
        "Use ILogger instead of Console or Debug output",
        "'{0}' writes around the logging pipeline in a service",
        Observability, Severity.Warning, Confidence.Medium, RuleHosts.Analyzer, CSharp,
        "Console and Debug output in a service has no level, no category, no correlation with traces and no structured fields; Debug output disappears in release builds. Use ILogger.",
        ObservabilityTags);

    public static RuleDescriptor HttpClientPerCall { get; } = new(
        RuleIds.HttpClientPerCall,
        "Use IHttpClientFactory instead of creating HttpClient per call",
        "'new HttpClient()' in '{0}' creates a client per call",
        Observability, Severity.Warning, Confidence.High, RuleHosts.Analyzer, CSharp,
        "An HttpClient created per call exhausts sockets under load, ignores DNS changes when cached forever, and bypasses the factory's resilience handlers and telemetry. Inject IHttpClientFactory or a typed client.",
        ObservabilityTags);

    public static RuleDescriptor MissingHealthChecks { get; } = new(
        RuleIds.MissingHealthChecks,
        "Add health checks to the web host",
        "The web host built in '{0}' has no health checks",
        Observability, Severity.Warning, Confidence.Medium, RuleHosts.Analyzer, CSharp,
        "Without AddHealthChecks and MapHealthChecks an orchestrator cannot tell a live, ready instance from a broken one, so broken pods keep receiving traffic and rollouts cannot stop themselves.",
        ObservabilityTags);

    public static RuleDescriptor MissingTelemetry { get; } = new(
        RuleIds.MissingTelemetry,
        "Set up tracing and metrics for the web host",
        "The web host built in '{0}' sets up no {1}",
        Observability, Severity.Warning, Confidence.Medium, RuleHosts.Analyzer, CSharp,
        "A service with no tracing or metrics pipeline (OpenTelemetry or an equivalent) cannot be followed across calls or alerted on latency and error rates.",
        ObservabilityTags);

    public static RuleDescriptor UnregisteredTelemetrySource { get; } = new(
        RuleIds.UnregisteredTelemetrySource,
        "Register the ActivitySource or Meter with the telemetry pipeline",
        "{0} '{1}' is never registered with {2}, so its telemetry is dropped",
        Observability, Severity.Warning, Confidence.High, RuleHosts.Analyzer, CSharp,
        "OpenTelemetry only listens to sources and meters added by name. A source created but never passed to AddSource (or a meter never passed to AddMeter) produces nothing.",
        ObservabilityTags);

    public static RuleDescriptor UnguardedBackgroundLoop { get; } = new(
        RuleIds.UnguardedBackgroundLoop,
        "Handle exceptions in the background service loop",
        "The loop in '{0}.ExecuteAsync' has no exception handling, so one failure stops the worker silently",
        Observability, Severity.Warning, Confidence.Medium, RuleHosts.Analyzer, CSharp,
        "An exception escaping BackgroundService.ExecuteAsync stops the worker (and, since .NET 6, the host) with nothing but a generic log line. Catch, log with the exception, and decide whether to continue.",
        ObservabilityTags);

    public static RuleDescriptor SecretLogged { get; } = new(
        RuleIds.SecretLogged,
        "Do not write secrets to logs",
        "'{0}' is written to the log",
        Security, Severity.Warning, Confidence.Medium, RuleHosts.Analyzer, CSharp,
        "Logs are shipped, indexed and retained far more widely than secrets should be. A password, token, key or connection string passed to a log call leaks to everyone who can read the logs.",
        new[] { "security", "secrets", "observability" });

    public static RuleDescriptor MissingResources { get; } = new(
        RuleIds.MissingResources,
        "Set CPU and memory requests and limits",
        "Container '{0}' has no {1}",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, Kubernetes,
        "Without requests the scheduler packs pods blindly; without a memory limit one leak evicts its neighbours. Set requests for CPU and memory and at least a memory limit.",
        DeploymentTags);

    public static RuleDescriptor MissingProbes { get; } = new(
        RuleIds.MissingProbes,
        "Add readiness and liveness probes",
        "Container '{0}' has no {1}",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, Kubernetes,
        "Without a readiness probe traffic reaches pods before they can serve; without a liveness probe a hung process is never restarted. Rollouts cannot detect a bad version.",
        DeploymentTags);

    public static RuleDescriptor SingleReplica { get; } = new(
        RuleIds.SingleReplica,
        "Run more than one replica",
        "{0} '{1}' runs {2} replica(s), fewer than {3}",
        Deployment, Severity.Note, Confidence.Medium, RuleHosts.Engine, Kubernetes,
        "A single replica means every deployment, node drain or crash is an outage.",
        DeploymentTags,
        new[] { new RuleOption("min_replicas", "2", "Smallest replica count that is not reported.") });

    public static RuleDescriptor UnpinnedImage { get; } = new(
        RuleIds.UnpinnedImage,
        "Pin the container image to a version or digest",
        "Image '{0}' is {1}",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, "Kubernetes manifests, docker-compose files, Dockerfiles, CI job and service containers (GitHub Actions, GitLab CI, Azure Pipelines)",
        "An image with no tag or with :latest changes under you: two nodes can run different code, and a rollback does not roll back. Pin a version tag or a digest.",
        DeploymentTags);

    public static RuleDescriptor PrivilegedContainer { get; } = new(
        RuleIds.PrivilegedContainer,
        "Do not run privileged containers",
        "Container '{0}' runs privileged",
        Deployment, Severity.Error, Confidence.High, RuleHosts.Engine, KubernetesAndCompose,
        "A privileged container has every capability and the host's devices: a compromise of the app is a compromise of the node.",
        ContainerSecurityTags);

    public static RuleDescriptor RunsAsRoot { get; } = new(
        RuleIds.RunsAsRoot,
        "Do not run as root or allow privilege escalation",
        "Container '{0}' {1}",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine, Kubernetes,
        "A container that may run as root, or that allows privilege escalation, turns an application bug into a container escape risk. Set runAsNonRoot: true and allowPrivilegeEscalation: false.",
        ContainerSecurityTags);

    public static RuleDescriptor PlainSecretInEnv { get; } = new(
        RuleIds.PlainSecretInEnv,
        "Reference secrets instead of plain values in env",
        "Environment variable '{0}' holds a plain secret value: {1}",
        Deployment, Severity.Error, Confidence.Medium, RuleHosts.Engine, KubernetesAndCompose,
        "A secret written as a plain env value is stored in the manifest, the cluster's object store and every copy of both. Use secretKeyRef, a Secret, or compose secrets.",
        ContainerSecurityTags);

    public static RuleDescriptor MissingDisruptionBudget { get; } = new(
        RuleIds.MissingDisruptionBudget,
        "Add a PodDisruptionBudget for a multi-replica Deployment",
        "{0} '{1}' has {2} replicas but no PodDisruptionBudget selects it",
        Deployment, Severity.Note, Confidence.Medium, RuleHosts.Engine | RuleHosts.Repository, Kubernetes,
        "Without a PodDisruptionBudget a node drain may evict every replica at once.",
        DeploymentTags);

    public static RuleDescriptor HostPathVolume { get; } = new(
        RuleIds.HostPathVolume,
        "Avoid hostPath volumes",
        "Volume '{0}' mounts host path '{1}'",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, Kubernetes,
        "A hostPath volume ties the pod to a node's file system and, when writable, lets the container change the node.",
        ContainerSecurityTags);

    public static RuleDescriptor DockerfileRootUser { get; } = new(
        RuleIds.DockerfileRootUser,
        "Switch to a non-root USER",
        "The final stage {0}",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine, Dockerfile,
        "An image whose final stage runs as root gives an attacker who reaches the process root inside the container. Add a USER instruction with a non-root user.",
        ContainerSecurityTags);

    public static RuleDescriptor DockerfileAddUrl { get; } = new(
        RuleIds.DockerfileAddUrl,
        "Use a verified download instead of ADD with a URL",
        "ADD downloads '{0}' without verification",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, Dockerfile,
        "ADD with a URL fetches at build time with no checksum, so the image silently changes when the remote file does. Download with a checksum check (or ADD --checksum), or COPY a vendored file.",
        SupplyChainTags);

    public static RuleDescriptor PipeToShell { get; } = new(
        RuleIds.PipeToShell,
        "Do not pipe downloaded scripts into a shell",
        "A script downloaded from '{0}' is executed unverified",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, "Dockerfiles, CI pipelines, shell scripts",
        "curl … | sh runs whatever the server returns at that moment, with the build's privileges. Download, verify a checksum or signature, then run.",
        SupplyChainTags);

    public static RuleDescriptor DockerfileSecretBuildValue { get; } = new(
        RuleIds.DockerfileSecretBuildValue,
        "Do not bake secrets into ENV or ARG",
        "{0} '{1}' puts a secret into the image or its history",
        Deployment, Severity.Error, Confidence.Medium, RuleHosts.Engine, Dockerfile,
        "ENV values ship inside the image and ARG values are recorded in its history; anyone who pulls the image can read them. Use build secrets (RUN --mount=type=secret) and runtime configuration.",
        ContainerSecurityTags);

    public static RuleDescriptor DockerfileNoHealthcheck { get; } = new(
        RuleIds.DockerfileNoHealthcheck,
        "Add a HEALTHCHECK to the service image",
        "The service image built from this Dockerfile has no HEALTHCHECK",
        Deployment, Severity.Note, Confidence.Low, RuleHosts.Engine, Dockerfile,
        "Docker and compose restart policies can only react to a hung service if the image declares how to check it. (Kubernetes ignores HEALTHCHECK and uses probes instead.)",
        DeploymentTags);

    public static RuleDescriptor UnpinnedAction { get; } = new(
        RuleIds.UnpinnedAction,
        "Pin third-party actions to a full commit SHA",
        "Action '{0}' is pinned to '{1}', which its owner can move",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, GitHubWorkflows,
        "Tags and branches of a third-party action can be moved to malicious code, which then runs with the workflow's token and secrets. Pin to a 40-character commit SHA and keep the tag as a comment.",
        SupplyChainTags,
        new[] { new RuleOption("trusted_owners", "actions,github", "Comma-separated action owners that are not reported (GitHub's own actions by default).") });

    public static RuleDescriptor PullRequestTargetCheckout { get; } = new(
        RuleIds.PullRequestTargetCheckout,
        "Do not check out the pull request head in pull_request_target",
        "pull_request_target checks out untrusted code from '{0}' with a privileged token",
        Deployment, Severity.Error, Confidence.High, RuleHosts.Engine, GitHubWorkflows,
        "pull_request_target runs with write access and secrets; checking out and building the pull request's head runs an outsider's code with them.",
        SupplyChainTags);

    public static RuleDescriptor ScriptInjection { get; } = new(
        RuleIds.ScriptInjection,
        "Do not expand untrusted event data inside run scripts",
        "'{0}' is expanded into a shell script and can inject commands",
        Deployment, Severity.Error, Confidence.High, RuleHosts.Engine, Workflows,
        "Titles, branch names, comments and bodies from an event are attacker-controlled; ${{ }} pastes them into the script before the shell runs. Pass them through env: and quote the variable.",
        SupplyChainTags);

    public static RuleDescriptor WorkflowPermissions { get; } = new(
        RuleIds.WorkflowPermissions,
        "Declare least-privilege workflow permissions",
        "{0}",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine, GitHubWorkflows,
        "Without a permissions block the job token gets the repository's default, often read-write on everything; write-all grants every scope. Declare the scopes the workflow needs.",
        SupplyChainTags);

    public static RuleDescriptor SecretPrintedInCi { get; } = new(
        RuleIds.SecretPrintedInCi,
        "Do not print secrets to CI logs",
        "'{0}' is printed to the job log",
        Deployment, Severity.Error, Confidence.Medium, RuleHosts.Engine, Workflows,
        "Masking in CI logs is best effort: transformed, split or encoded secrets are printed in clear. Never echo a secret.",
        SupplyChainTags);

    public static RuleDescriptor UnpinnedPipelineInclude { get; } = new(
        RuleIds.UnpinnedPipelineInclude,
        "Pin included pipeline templates and tasks",
        "{0} '{1}' is not pinned to a fixed revision",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine, "GitLab CI, Azure Pipelines",
        "A pipeline that includes a remote template, another project's file or a repository resource on a moving branch runs whatever that branch says today, with this pipeline's credentials.",
        SupplyChainTags);

    public static RuleDescriptor FloatingPackageVersion { get; } = new(
        RuleIds.FloatingPackageVersion,
        "Pin package versions",
        "Package '{0}' uses a floating version '{1}'",
        Deployment, Severity.Warning, Confidence.High, RuleHosts.Engine, ".NET project files, Directory.Packages.props",
        "A floating (*) or open-ended version restores different code on different days, so a build that passed yesterday can fail or change behaviour today with no commit.",
        new[] { "deployment", "dependencies" });

    public static RuleDescriptor PrereleasePackage { get; } = new(
        RuleIds.PrereleasePackage,
        "Avoid prerelease packages in release projects",
        "Package '{0}' is a prerelease version '{1}'",
        Deployment, Severity.Note, Confidence.Medium, RuleHosts.Engine, ".NET project files, Directory.Packages.props",
        "Prerelease packages carry no compatibility promise and are often unsupported in production.",
        new[] { "deployment", "dependencies" });

    public static RuleDescriptor MajorVersionBump { get; } = new(
        RuleIds.MajorVersionBump,
        "Review the major-version upgrade",
        "Package '{0}' moves from {1} to {2}, a major-version change",
        Deployment, Severity.Note, Confidence.Medium, RuleHosts.Engine | RuleHosts.Change, ".NET project files, Directory.Packages.props",
        "A major version may break behaviour that compiles fine. The change deserves a closer review and a staged rollout.",
        new[] { "deployment", "dependencies", "change-risk" });

    public static RuleDescriptor DependencySetChanged { get; } = new(
        RuleIds.DependencySetChanged,
        "Review added or removed packages",
        "Package '{0}' is {1}",
        Deployment, Severity.Note, Confidence.High, RuleHosts.Engine | RuleHosts.Change, ".NET project files, Directory.Packages.props",
        "A new dependency brings new code, licences and vulnerabilities into production; a removed one may still be needed at run time. It feeds the change-risk score.",
        new[] { "deployment", "dependencies", "change-risk" });

    public static RuleDescriptor ProbePathNotMapped { get; } = new(
        RuleIds.ProbePathNotMapped,
        "Probe an endpoint the service maps",
        "{0} probe path '{1}' is not mapped by the service{2}",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine | RuleHosts.Repository, Kubernetes,
        "A probe on a path the service does not map fails forever: pods never become ready, or are restarted in a loop.",
        DeploymentTags);

    public static RuleDescriptor PortMismatch { get; } = new(
        RuleIds.PortMismatch,
        "Expose the port the service listens on",
        "Port {0} does not match the port the service listens on ({1})",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Engine | RuleHosts.Repository, "Kubernetes manifests, Dockerfiles, docker-compose files",
        "A container port, EXPOSE or probe port that differs from ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS / Kestrel configuration sends traffic and probes to a closed port.",
        DeploymentTags);

    public static RuleDescriptor TelemetryConfigMismatch { get; } = new(
        RuleIds.TelemetryConfigMismatch,
        "Keep telemetry configuration and code in agreement",
        "{0}",
        Observability, Severity.Warning, Confidence.Medium, RuleHosts.Engine | RuleHosts.Repository, "Kubernetes manifests, docker-compose files",
        "OTEL_* exporter settings for a service that never sets up OpenTelemetry export nothing; a service that sets it up with no exporter endpoint in its deployment exports nowhere.",
        ObservabilityTags);

    public static RuleDescriptor ChangeRisk { get; } = new(
        RuleIds.ChangeRisk,
        "Review the high-risk change",
        "Predicted risk {0}/100 is above the gate of {1}: {2}",
        Deployment, Severity.Warning, Confidence.Medium, RuleHosts.Change, "the change as a whole",
        "A model trained on this repository's history predicts that changes like this one often need a fix later. Split it, add tests, or ask for a closer review.",
        new[] { "deployment", "change-risk" },
        new[] { new RuleOption("fail_above", "70", "Risk score (0-100) above which the gate fails.") });

    public static RuleDescriptor UnreadableFile { get; } = new(
        RuleIds.UnreadableFile,
        "File could not be read",
        "The file could not be read: {0}",
        Tooling, Severity.Warning, Confidence.High, RuleHosts.Engine, AnyText,
        "DevOpsLens could not read or decode this file, so it was not checked.",
        ToolTags);

    public static RuleDescriptor InvalidConfiguration { get; } = new(
        RuleIds.InvalidConfiguration,
        "Fix the DevOpsLens configuration",
        "{0}",
        Tooling, Severity.Warning, Confidence.High, RuleHosts.Engine, ".editorconfig, .globalconfig, .devopslens/baseline.json",
        "A setting that cannot be understood is ignored; the rule it was meant to configure runs with its defaults.",
        ToolTags);

    public static RuleDescriptor RuleFailure { get; } = new(
        RuleIds.RuleFailure,
        "Rule failed on this file",
        "Rule {0} failed on this file and was skipped: {1}",
        Tooling, Severity.Warning, Confidence.High, RuleHosts.Engine | RuleHosts.Analyzer, AnyText,
        "An internal error in one rule. The other rules still ran. Please report it with the file if you can share it.",
        ToolTags);

    public static RuleDescriptor FileSkipped { get; } = new(
        RuleIds.FileSkipped,
        "File was not checked",
        "The file was skipped: {0}",
        Tooling, Severity.Note, Confidence.High, RuleHosts.Engine, AnyText,
        "The file is binary, larger than the size limit, or a template that cannot be checked before rendering.",
        ToolTags,
        new[] { new RuleOption("max_file_size", "5242880", "Largest file, in bytes, that is checked (devopslens.max_file_size).") });

    public static RuleDescriptor MalformedDocument { get; } = new(
        RuleIds.MalformedDocument,
        "Document could not be parsed",
        "The {0} document could not be parsed: {1}",
        Tooling, Severity.Warning, Confidence.High, RuleHosts.Engine, "YAML, JSON, XML",
        "A malformed document is checked only by the text rules (secrets); structure rules skip it. Deployment tools will likely reject it too.",
        ToolTags);

    /// <summary>The explicit list, in ID order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        KnownCredential,
        PrivateKey,
        ConnectionStringPassword,
        UrlCredentials,
        SecretAssignment,
        CredentialApiLiteral,
        SwallowedException,
        ExceptionNotLogged,
        ConsoleOutput,
        HttpClientPerCall,
        MissingHealthChecks,
        MissingTelemetry,
        UnregisteredTelemetrySource,
        UnguardedBackgroundLoop,
        SecretLogged,
        MissingResources,
        MissingProbes,
        SingleReplica,
        UnpinnedImage,
        PrivilegedContainer,
        RunsAsRoot,
        PlainSecretInEnv,
        MissingDisruptionBudget,
        HostPathVolume,
        DockerfileRootUser,
        DockerfileAddUrl,
        PipeToShell,
        DockerfileSecretBuildValue,
        DockerfileNoHealthcheck,
        UnpinnedAction,
        PullRequestTargetCheckout,
        ScriptInjection,
        WorkflowPermissions,
        SecretPrintedInCi,
        UnpinnedPipelineInclude,
        FloatingPackageVersion,
        PrereleasePackage,
        MajorVersionBump,
        DependencySetChanged,
        ProbePathNotMapped,
        PortMismatch,
        TelemetryConfigMismatch,
        ChangeRisk,
        UnreadableFile,
        InvalidConfiguration,
        RuleFailure,
        FileSkipped,
        MalformedDocument,
    };

    private static readonly Dictionary<string, RuleDescriptor> ById =
        All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    public static RuleDescriptor Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException("Unknown rule id " + id);

    public static bool TryGet(string id, out RuleDescriptor? rule) => ById.TryGetValue(id, out rule);
}
