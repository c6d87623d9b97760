using DevOpsLens.Engine.Configuration;

namespace DevOpsLens.Engine.Tests;

/// <summary>
/// Names, <c>*</c> and <c>*.ext</c> are matched without a regex. The same glob as both alternatives of a brace
/// (<c>{X,X}</c>) takes the regex path with identical semantics, so the two must agree on every path.
/// </summary>
public sealed class EditorConfigGlobFastPathTests
{
    private static readonly string[] Paths =
    [
        "Dockerfile", "services/a/Dockerfile", "services/a/Dockerfile.dev", "services/a/my.Dockerfile", "dockerfile",
        "src/App.cs", "App.cs", ".cs", "dir/.cs", "src/App.csproj", "src.cs/readme.md", "a/b/c/deep.yml",
        ".github/workflows/ci.yml", "deploy/.github/workflows/ci.yml", "x/", string.Empty,
    ];

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("*")]
    [InlineData("*.cs")]
    [InlineData("*.yml")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("/Dockerfile")]
    [InlineData("services/a/Dockerfile")]
    public void Fast_path_agrees_with_the_regex(string glob)
    {
        Assert.True(EditorConfigGlob.TryCreate(glob, out var fast, out _));
        var bare = glob.TrimStart('/');
        var braced = (glob.StartsWith('/') ? "/" : string.Empty) + "{" + bare + "," + bare + "}";
        Assert.True(EditorConfigGlob.TryCreate(braced, out var regex, out _));
        foreach (var path in Paths)
        {
            Assert.True(regex!.IsMatch(path) == fast!.IsMatch(path), glob + " on '" + path + "'");
        }

        Assert.Contains(Paths, p => fast!.IsMatch(p));
    }

    [Fact]
    public void Literal_name_matches_at_any_depth_and_case_sensitively()
    {
        Assert.True(EditorConfigGlob.TryCreate("Dockerfile", out var glob, out _));
        Assert.True(glob!.IsMatch("Dockerfile"));
        Assert.True(glob.IsMatch("services/orders/Dockerfile"));
        Assert.False(glob.IsMatch("services/orders/Dockerfile.dev"));
        Assert.False(glob.IsMatch("dockerfile"));
    }
}
