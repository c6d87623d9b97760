using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3006: a container must not run as root: runAsNonRoot: true or a non-zero runAsUser, at container or pod
/// level, and no explicit allowPrivilegeEscalation: true. Windows pods use other settings (runAsUserName) and are
/// skipped: a Windows node selector, or containers that all run Windows images (.NET Framework, Server Core, Nano
/// Server), which only schedule on Windows nodes. A container entry without an image only patches another
/// definition and is not judged. The image's own USER is not visible here, which is why the rule's confidence is medium.
/// </summary>
internal sealed class RunsAsRootRule : IacRule
{
    public RunsAsRootRule()
        : base(RuleCatalog.RunsAsRoot)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            var podContext = workload.PodSpec!.Map("securityContext");
            if (IsWindows(workload) || workload.IsPatch)
            {
                continue;
            }

            // A pod-level runAsUser: 0 or runAsNonRoot: false is one line shared by every container: it is reported
            // once, with the first container that inherits it, not once per container on the same span.
            var reportedPodSettings = new HashSet<YPair>();
            foreach (var container in workload.Containers(includeInit: true).Where(c => !c.IsPartial))
            {
                var context = container.Map.Map("securityContext");
                var fingerprint = workload.Name + "/" + container.Name;
                var user = context?.GetPair("runAsUser") ?? podContext?.GetPair("runAsUser");
                var nonRoot = context?.GetPair("runAsNonRoot") ?? podContext?.GetPair("runAsNonRoot");
                if (user != null && YamlValues.Int(user.Value) == 0)
                {
                    if (context?.GetPair("runAsUser") != null || reportedPodSettings.Add(user))
                    {
                        Report(sink, document, RuleCatalog.RunsAsRoot, user, fingerprint + "/uid0", container.Name, "runs as user 0 (root)");
                    }
                }
                else if (nonRoot != null && YamlValues.Bool(nonRoot.Value) == false && user == null)
                {
                    if (context?.GetPair("runAsNonRoot") != null || reportedPodSettings.Add(nonRoot))
                    {
                        Report(sink, document, RuleCatalog.RunsAsRoot, nonRoot, fingerprint + "/nonroot", container.Name, "sets runAsNonRoot: false and may run as root");
                    }
                }
                else if (user == null && (nonRoot == null || YamlValues.Bool(nonRoot.Value) != true))
                {
                    Report(sink, document, RuleCatalog.RunsAsRoot, container.Anchor, fingerprint + "/nonroot", container.Name, "may run as root: set runAsNonRoot: true or a non-zero runAsUser");
                }

                var escalation = context?.GetPair("allowPrivilegeEscalation");
                if (escalation != null && YamlValues.Bool(escalation.Value) == true)
                {
                    Report(sink, document, RuleCatalog.RunsAsRoot, escalation, fingerprint + "/escalation", container.Name, "allows privilege escalation");
                }
            }
        }
    }

    private static bool IsWindows(K8sObject workload)
    {
        var podSpec = workload.PodSpec!;
        var nodeSelector = podSpec.Map("nodeSelector");
        if (podSpec.Map("securityContext")?.Has("windowsOptions") == true
            || string.Equals(nodeSelector?.Str("kubernetes.io/os"), "windows", StringComparison.OrdinalIgnoreCase)
            || string.Equals(nodeSelector?.Str("beta.kubernetes.io/os"), "windows", StringComparison.OrdinalIgnoreCase)
            || string.Equals(podSpec.Map("os")?.Str("name"), "windows", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var images = workload.Containers(includeInit: true).Select(c => c.Map.Str("image")).ToList();
        return images.Count > 0 && images.All(i => i != null && IsWindowsImage(i));
    }

    /// <summary>Images that exist only for Windows: .NET Framework, and the Windows base images.</summary>
    internal static bool IsWindowsImage(string image)
    {
        var lower = image.Trim().ToLowerInvariant();
        return lower.StartsWith("mcr.microsoft.com/dotnet/framework/", StringComparison.Ordinal)
            || lower.StartsWith("mcr.microsoft.com/windows", StringComparison.Ordinal)
            || lower.StartsWith("microsoft/windowsservercore", StringComparison.Ordinal)
            || lower.StartsWith("microsoft/nanoserver", StringComparison.Ordinal)
            || lower.StartsWith("microsoft/dotnet-framework", StringComparison.Ordinal)
            || lower.StartsWith("microsoft/aspnet:", StringComparison.Ordinal)
            || lower.StartsWith("microsoft/iis", StringComparison.Ordinal);
    }
}
