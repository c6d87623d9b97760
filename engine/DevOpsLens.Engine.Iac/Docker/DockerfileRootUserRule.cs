using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// DL3021: the final stage must run as a non-root user. The last USER of the stage (or of the stage it builds
/// on) decides; base images that already default to a non-root user (tags with "nonroot" or "chiseled",
/// Chainguard images, .NET distroless, Bitnami application images (not minideb) and the nginx "unprivileged"
/// images) are trusted. Development containers (<c>.devcontainer/</c>) are not deployed and are not judged.
/// </summary>
internal sealed class DockerfileRootUserRule : IacRule
{
    public DockerfileRootUserRule()
        : base(RuleCatalog.DockerfileRootUser)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document) && !Dockerfile.IsDevContainer(document.Path);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var file = Dockerfile.Get(document);
        if (file.FinalStage is not { } final)
        {
            return;
        }

        var user = LastUser(file, final);
        if (user != null)
        {
            if (IsRoot(user.Args.Text))
            {
                sink.Report(RuleCatalog.DockerfileRootUser, DockerfileFacts.FirstLine(document, user), RuleCatalog.DockerfileRootUser.FormatMessage("switches to USER " + user.Args.Text.Trim()), "USER root");
            }

            return;
        }

        var baseImage = DockerfileFacts.BaseImage(file, final);
        if (baseImage == null || DefaultsToNonRoot(baseImage))
        {
            return;
        }

        sink.Report(RuleCatalog.DockerfileRootUser, DockerfileFacts.FirstLine(document, final.From), RuleCatalog.DockerfileRootUser.FormatMessage("runs as root: it sets no USER"), "no USER");
    }

    /// <summary>The USER in effect at the end of the final stage, following FROM of earlier stages.</summary>
    internal static DockerInstruction? LastUser(Dockerfile file, DockerStage final) =>
        DockerfileFacts.Chain(file, final).Select(s => s.Instructions.LastOrDefault(i => i.Keyword == "USER")).FirstOrDefault(u => u != null);

    internal static bool IsRoot(string user)
    {
        var name = user.Trim();
        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name.Substring(0, colon);
        }

        return name == "root" || name == "0";
    }

    internal static bool DefaultsToNonRoot(string image)
    {
        var lower = image.ToLowerInvariant();
        return lower.Contains("nonroot") || lower.Contains("chiseled") || lower.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal)
            || (lower.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal) && lower.Contains("distroless"))
            || ((lower.StartsWith("bitnami/", StringComparison.Ordinal) || lower.StartsWith("docker.io/bitnami/", StringComparison.Ordinal)) && !lower.Contains("/minideb"))
            || lower.Contains("-unprivileged");
    }
}
