using DevOpsLens.Engine.Documents;

namespace DevOpsLens.Engine.Tests;

public sealed class DocumentClassifierTests
{
    [Theory]
    [InlineData("Dockerfile", DocumentKind.Dockerfile)]
    [InlineData("src/Api/Dockerfile.prod", DocumentKind.Dockerfile)]
    [InlineData("Dockerfile-MultiStage", DocumentKind.Dockerfile)]
    [InlineData("docker/Dockerfile_dev", DocumentKind.Dockerfile)]
    [InlineData("api.Dockerfile", DocumentKind.Dockerfile)]
    [InlineData("Containerfile", DocumentKind.Dockerfile)]
    [InlineData("Containerfile.arm64", DocumentKind.Dockerfile)]
    [InlineData("Parsing/Dockerfile.cs", DocumentKind.CSharp)]
    [InlineData("docs/dockerfile-lint.md", DocumentKind.Markdown)]
    [InlineData("dockerfile-parser.js", DocumentKind.JavaScript)]
    [InlineData("Dockerfiles", DocumentKind.PlainText)]
    [InlineData("notes/Dockerfile.txt", DocumentKind.PlainText)]
    [InlineData(".env.local", DocumentKind.DotEnv)]
    public void File_kind_follows_the_name_teams_use(string path, DocumentKind expected) =>
        Assert.Equal(expected, DocumentClassifier.Classify(path));
}
