namespace DevOpsLens.History.Mining;

/// <summary>What kind of DevOps artefact a changed path is. Decided from the path alone, so it works on deleted files too.</summary>
[Flags]
public enum PathKind
{
    None = 0,

    /// <summary>Kubernetes manifests, Helm charts, kustomize, Dockerfiles, docker-compose, Terraform/Bicep.</summary>
    Deployment = 1,

    /// <summary>CI pipelines: GitHub Actions, GitLab CI, Azure Pipelines, Jenkins, CircleCI…</summary>
    Pipeline = 2,

    /// <summary>Dependency manifests and lock files.</summary>
    Dependencies = 4,

    /// <summary>Database migrations.</summary>
    Migration = 8,

    /// <summary>Application configuration (appsettings, .env, *.config, values files).</summary>
    Configuration = 16,

    /// <summary>Test code.</summary>
    Test = 32,
}

public static class PathSignals
{
    private static readonly string[] DependencyFiles =
    {
        "directory.packages.props", "packages.lock.json", "packages.config", "package.json", "package-lock.json",
        "yarn.lock", "pnpm-lock.yaml", "go.mod", "go.sum", "requirements.txt", "pipfile", "pipfile.lock",
        "poetry.lock", "pyproject.toml", "pom.xml", "build.gradle", "build.gradle.kts", "cargo.toml", "cargo.lock",
        "gemfile", "gemfile.lock", "composer.json", "composer.lock", "global.json", "nuget.config", "paket.dependencies",
    };

    public static PathKind Classify(string path)
    {
        var p = path.Replace('\\', '/').ToLowerInvariant();
        var name = p[(p.LastIndexOf('/') + 1)..];
        var ext = Path.GetExtension(name);
        var segments = p.Split('/');
        var kind = PathKind.None;

        var isYaml = ext is ".yml" or ".yaml";
        if (name == "dockerfile" || name.StartsWith("dockerfile.", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal)
            || name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose.", StringComparison.Ordinal)
            || ext is ".tf" or ".bicep" or ".tfvars"
            || name is "chart.yaml" or "kustomization.yaml" or "kustomization.yml" or "skaffold.yaml" or "helmfile.yaml"
            || (isYaml && segments.Any(s => s is "k8s" or "kubernetes" or "manifests" or "deploy" or "deployment" or "deployments" or "helm" or "charts" or "templates" or "kustomize" or "overlays" or "base" or "infra" or "infrastructure")))
        {
            kind |= PathKind.Deployment;
        }

        if (p.StartsWith(".github/workflows/", StringComparison.Ordinal) || p.StartsWith(".github/actions/", StringComparison.Ordinal)
            || name is ".gitlab-ci.yml" or "azure-pipelines.yml" or "azure-pipelines.yaml" or "jenkinsfile" or "bitbucket-pipelines.yml" or ".travis.yml" or "appveyor.yml"
            || p.StartsWith(".circleci/", StringComparison.Ordinal) || p.StartsWith(".azure-pipelines/", StringComparison.Ordinal)
            || p.StartsWith(".ci/", StringComparison.Ordinal) || p.StartsWith(".buildkite/", StringComparison.Ordinal))
        {
            kind |= PathKind.Pipeline;
        }

        if (DependencyFiles.Contains(name) || ext is ".csproj" or ".fsproj" or ".vbproj" || name == "directory.build.props")
        {
            kind |= PathKind.Dependencies;
        }

        if (segments.Any(s => s is "migrations" or "migration" or "migrate" or "db" or "flyway" or "liquibase" or "alembic") && (ext is ".sql" or ".cs" or ".py" or ".xml" or ".yaml" or ".yml" or ".rb" or ".js" or ".ts" or ".go")
            || (ext == ".sql" && segments.Any(s => s.Contains("schema", StringComparison.Ordinal))))
        {
            kind |= PathKind.Migration;
        }

        if (name.StartsWith("appsettings", StringComparison.Ordinal) && ext == ".json"
            || name is ".env" or "web.config" or "app.config" or "application.properties" or "application.yml" or "application.yaml" or "launchsettings.json"
            || name.StartsWith(".env.", StringComparison.Ordinal)
            || ext is ".ini" or ".toml" && !DependencyFiles.Contains(name)
            || (name.StartsWith("values", StringComparison.Ordinal) && isYaml)
            || ext == ".properties"
            || segments.Any(s => s is "config" or "configs" or "configuration") && (isYaml || ext is ".json" or ".xml"))
        {
            kind |= PathKind.Configuration;
        }

        if (segments.Any(s => s is "test" or "tests" or "spec" or "specs" or "__tests__" or "testing" || s.EndsWith(".tests", StringComparison.Ordinal) || s.EndsWith(".test", StringComparison.Ordinal))
            || name.Contains("test", StringComparison.Ordinal) && ext is ".cs" or ".java" or ".py" or ".go" or ".js" or ".ts" or ".rb" or ".kt" or ".cpp" or ".c"
            || name.Contains(".spec.", StringComparison.Ordinal))
        {
            kind |= PathKind.Test;
        }

        return kind;
    }

    /// <summary>Plain words for a deployment file, used in explanations ("modifies the Kubernetes deployment").</summary>
    public static string DescribeDeployment(string path)
    {
        var p = path.Replace('\\', '/').ToLowerInvariant();
        var name = p[(p.LastIndexOf('/') + 1)..];
        if (name.StartsWith("dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal))
        {
            return "the Dockerfile";
        }

        if (name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose.", StringComparison.Ordinal))
        {
            return "the docker-compose file";
        }

        if (p.Contains("helm", StringComparison.Ordinal) || p.Contains("charts/", StringComparison.Ordinal) || name == "chart.yaml")
        {
            return "the Helm chart";
        }

        if (name.EndsWith(".tf", StringComparison.Ordinal) || name.EndsWith(".tfvars", StringComparison.Ordinal))
        {
            return "the Terraform infrastructure";
        }

        if (name.EndsWith(".bicep", StringComparison.Ordinal))
        {
            return "the Bicep infrastructure";
        }

        if (name.Contains("deploy", StringComparison.Ordinal))
        {
            return "the Kubernetes deployment";
        }

        return "the Kubernetes manifests";
    }
}
