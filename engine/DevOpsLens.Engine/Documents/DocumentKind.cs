using System;
using System.IO;

namespace DevOpsLens.Engine.Documents;

/// <summary>The syntax family of a file, decided by its name (content-based sub-kinds such as a Kubernetes manifest are the rules' business).</summary>
public enum DocumentKind
{
    PlainText = 0,
    CSharp,
    Json,
    Yaml,
    Dockerfile,
    DotEnv,
    Shell,
    PowerShell,
    Xml,
    MSBuild,
    Terraform,
    Bicep,
    Notebook,
    Properties,
    Markdown,
    Python,
    JavaScript,
    Other,
}

public static class DocumentClassifier
{
    public static DocumentKind Classify(string path)
    {
        var name = Path.GetFileName(path ?? string.Empty);
        var lower = name.ToLowerInvariant();

        // "Dockerfile.prod", "Dockerfile-MultiStage" and "Dockerfile_dev" are Dockerfiles; "Dockerfile.cs" (a parser
        // for Dockerfiles) is C#, "dockerfile-lint.md" is Markdown.
        if (lower is "dockerfile" or "containerfile"
            || (IsDockerfileVariant(lower, "dockerfile") || IsDockerfileVariant(lower, "containerfile")) && (Path.GetExtension(lower).Length == 0 || ByExtension(lower) == DocumentKind.Other)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal))
        {
            return DocumentKind.Dockerfile;
        }

        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || lower.EndsWith(".env", StringComparison.Ordinal))
        {
            return DocumentKind.DotEnv;
        }

        if (lower == "directory.packages.props" || lower == "directory.build.props" || lower == "directory.build.targets")
        {
            return DocumentKind.MSBuild;
        }

        return ByExtension(lower);
    }

    private static bool IsDockerfileVariant(string lowerName, string stem) =>
        lowerName.Length > stem.Length + 1 && lowerName.StartsWith(stem, StringComparison.Ordinal) && lowerName[stem.Length] is '.' or '-' or '_';

    private static DocumentKind ByExtension(string lowerName)
    {
        switch (Path.GetExtension(lowerName))
        {
            case ".cs":
            case ".csx":
                return DocumentKind.CSharp;
            case ".json":
            case ".jsonc":
                return DocumentKind.Json;
            case ".yml":
            case ".yaml":
                return DocumentKind.Yaml;
            case ".sh":
            case ".bash":
            case ".zsh":
                return DocumentKind.Shell;
            case ".ps1":
            case ".psm1":
            case ".psd1":
                return DocumentKind.PowerShell;
            case ".csproj":
            case ".fsproj":
            case ".vbproj":
            case ".props":
            case ".targets":
                return DocumentKind.MSBuild;
            case ".xml":
            case ".config":
            case ".resx":
            case ".pubxml":
                return DocumentKind.Xml;
            case ".tf":
            case ".tfvars":
            case ".hcl":
                return DocumentKind.Terraform;
            case ".bicep":
            case ".bicepparam":
                return DocumentKind.Bicep;
            case ".ipynb":
                return DocumentKind.Notebook;
            case ".properties":
            case ".ini":
            case ".cfg":
            case ".conf":
            case ".toml":
                return DocumentKind.Properties;
            case ".md":
            case ".markdown":
                return DocumentKind.Markdown;
            case ".py":
                return DocumentKind.Python;
            case ".js":
            case ".mjs":
            case ".cjs":
            case ".ts":
            case ".tsx":
            case ".jsx":
                return DocumentKind.JavaScript;
            case ".txt":
            case "":
                return DocumentKind.PlainText;
            default:
                return DocumentKind.Other;
        }
    }
}
