using DevOpsLens.Workspace.Files;

namespace DevOpsLens.Workspace.Tests;

public sealed class GitIgnoreTests
{
    private static bool Ignored(string gitignore, string path, bool directory = false) =>
        GitIgnoreStack.Empty.Push(GitIgnoreFile.Parse(string.Empty, gitignore)).IsIgnored(path, directory);

    [Theory]
    [InlineData("*.log", "a/b/c.log", false, true)]
    [InlineData("*.log", "a/b/c.txt", false, false)]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("/build", "build", true, true)]
    [InlineData("/build", "src/build", true, false)]
    [InlineData("docs/*.md", "docs/a.md", false, true)]
    [InlineData("docs/*.md", "docs/x/a.md", false, false)]
    [InlineData("docs/*.md", "other/docs/a.md", false, false)]
    [InlineData("**/logs", "a/b/logs", true, true)]
    [InlineData("logs/**", "logs/a/b.txt", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("\\#file", "#file", false, true)]
    [InlineData("# comment", "# comment", false, false)]
    [InlineData("file[0-9].txt", "file7.txt", false, true)]
    [InlineData("trailing   ", "trailing", false, true)]
    public void Patterns_follow_git_semantics(string pattern, string path, bool directory, bool expected) =>
        Assert.Equal(expected, Ignored(pattern, path, directory));

    [Fact]
    public void Negation_reincludes_and_last_line_wins()
    {
        const string rules = "*.env\n!example.env\n";
        Assert.True(Ignored(rules, "prod.env"));
        Assert.False(Ignored(rules, "config/example.env"));
        Assert.True(Ignored("!a.txt\n*.txt\n", "a.txt"));
    }

    [Fact]
    public void Nested_gitignore_overrides_parent_for_its_folder()
    {
        var stack = GitIgnoreStack.Empty
            .Push(GitIgnoreFile.Parse(string.Empty, "*.json\n"))
            .Push(GitIgnoreFile.Parse("config", "!settings.json\n/local.txt\n"));
        Assert.True(stack.IsIgnored("data.json", false));
        Assert.False(stack.IsIgnored("config/settings.json", false));
        Assert.True(stack.IsIgnored("config/other.json", false));
        Assert.True(stack.IsIgnored("config/local.txt", false));
        Assert.False(stack.IsIgnored("config/sub/local.txt", false));
    }

    [Fact]
    public void Walker_respects_gitignore_files_and_skips_dot_git()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "bin/\n*.log\n!keep.log\n");
        dir.Write("src/.gitignore", "generated/\n");
        dir.Write(".git/config", "[core]\n");
        dir.Write(".git/info/exclude", "secret-notes.txt\n");
        dir.Write("bin/app.dll.config", "x");
        dir.Write("a.log", "x");
        dir.Write("keep.log", "x");
        dir.Write("secret-notes.txt", "x");
        dir.Write("src/app.cs", "x");
        dir.Write("src/generated/g.cs", "x");
        dir.Write("src/bin/x.txt", "x");
        var files = new FileWalker(dir.Path).Walk(null, CancellationToken.None).Select(f => f.RelativePath).ToList();
        Assert.Equal([".gitignore", "keep.log", "src/.gitignore", "src/app.cs"], files);
    }

    [Fact]
    public void Walker_takes_named_files_as_given_and_sorts()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "*.log\n");
        dir.Write("b.log", "x");
        dir.Write("sub/a.txt", "x");
        dir.Write("sub/c.log", "x");
        var files = new FileWalker(dir.Path).Walk([Path.Combine(dir.Path, "b.log"), "sub"], CancellationToken.None).Select(f => f.RelativePath).ToList();
        Assert.Equal(["b.log", "sub/a.txt"], files);
    }
}
