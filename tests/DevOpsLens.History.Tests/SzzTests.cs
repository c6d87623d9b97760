using DevOpsLens.History.Labeling;
using DevOpsLens.History.Mining;
using Xunit;

namespace DevOpsLens.History.Tests;

public sealed class SzzTests
{
    private static SzzLabels Label(TestRepository t, string? cache = null)
    {
        var mined = HistoryMiner.Mine(t.Repo, null, cache, null, CancellationToken.None);
        return SzzLabeler.Label(t.Repo, mined.Commits, SzzOptions.Default, cache, null, CancellationToken.None);
    }

    [Fact]
    public void Fix_blames_the_commit_that_introduced_the_changed_line()
    {
        using var t = new TestRepository();
        var v1 = "class Cart\n{\n    // prices in cents\n    int Total(int price, int count)\n    {\n        var total = price * count;\n        return total;\n    }\n}\n";
        t.Commit("Add cart", "Alice", 0, ("src/Cart.cs", v1));
        var v2 = v1.Replace("        return total;", "        total = total * 8 / 10;\n        return total;", StringComparison.Ordinal);
        var inducing = t.Commit("Add discount", "Bob", 1, ("src/Cart.cs", v2));
        t.Commit("Add docs", "Carol", 2, ("README.md", "cart\n"));

        // The fix changes the discount line (Bob's), rewrites the comment (Alice's) and re-indents Alice's
        // 'var total' line: only the discount line is a behaviour change.
        var v3 = v2.Replace("        total = total * 8 / 10;", "        total = total * 9 / 10;", StringComparison.Ordinal)
            .Replace("    // prices in cents", "    // all prices are in cents", StringComparison.Ordinal)
            .Replace("        var total = price * count;", "        var  total = price * count;", StringComparison.Ordinal);
        var fix = t.Commit("Fix discount rounding (#12)", "Carol", 3, ("src/Cart.cs", v3));

        var labels = Label(t);

        Assert.Equal(new[] { fix }, labels.FixCommits.ToArray());
        Assert.Equal(new[] { inducing }, labels.BugInducing.ToArray());
    }

    [Fact]
    public void Bulk_reformat_is_never_blamed()
    {
        using var t = new TestRepository();
        var files = Enumerable.Range(0, 22).Select(i => ($"src/F{i}.cs", (string?)$"class F{i}\n{{\nint V() {{ return {i}; }}\n}}\n")).ToArray();
        t.Commit("Add files", "Alice", 0, files);
        var reformatted = files.Select(f => (f.Item1, (string?)f.Item2!.Replace("int V()", "    int V()", StringComparison.Ordinal))).ToArray();
        var reformat = t.Commit("Reformat everything", "Bob", 1, reformatted);
        var fixedFile = reformatted[0].Item2!.Replace("return 0;", "return 1;", StringComparison.Ordinal);
        var fix = t.Commit("fix wrong value", "Carol", 2, ("src/F0.cs", fixedFile));

        var labels = Label(t);

        Assert.Contains(fix, labels.FixCommits);
        Assert.Equal(new[] { reformat }, labels.Blamed[fix]);
        Assert.DoesNotContain(reformat, labels.BugInducing);
    }

    [Fact]
    public void Commit_without_fix_keywords_labels_nothing()
    {
        using var t = new TestRepository();
        t.Commit("Add a", "Alice", 0, ("a.cs", "int x = 1;\n"));
        t.Commit("Change a", "Bob", 1, ("a.cs", "int x = 2;\n"));

        var labels = Label(t);

        Assert.Empty(labels.FixCommits);
        Assert.Empty(labels.BugInducing);
    }

    [Fact]
    public void Szz_results_are_cached_by_fix_id()
    {
        using var t = new TestRepository();
        t.Commit("Add a", "Alice", 0, ("a.cs", "int x = 1;\n"));
        var inducing = t.Commit("Change a", "Bob", 1, ("a.cs", "int x = 2;\n"));
        t.Commit("Fix a", "Bob", 2, ("a.cs", "int x = 3;\n"));

        var first = Label(t, t.CacheDirectory);
        var cacheFile = Path.Combine(t.CacheDirectory, HistoryCache.SzzFileName);
        var lines = File.ReadAllLines(cacheFile).Length;
        var second = Label(t, t.CacheDirectory);

        Assert.Equal(new[] { inducing }, first.BugInducing.ToArray());
        Assert.Equal(first.BugInducing.ToArray(), second.BugInducing.ToArray());
        Assert.Equal(1, lines);
        Assert.Equal(lines, File.ReadAllLines(cacheFile).Length);
    }

    [Theory]
    [InlineData("Fix crash when the cart is empty", true)]
    [InlineData("Hotfix: null check", true)]
    [InlineData("Resolve PAY-123 in checkout", true)]
    [InlineData("Handle empty carts (#42)", true)]
    [InlineData("Regression in totals", true)]
    [InlineData("Add prefix handling", false)]
    [InlineData("Update test fixtures", false)]
    [InlineData("Merge pull request #77 from x/fix-crash", false)]
    [InlineData("Add debugger display", false)]
    public void Fix_classifier_uses_keywords_and_issue_references(string message, bool expected)
    {
        Assert.Equal(expected, new FixClassifier(SzzOptions.Default).IsFix(message));
    }

    [Fact]
    public void Fix_classifier_is_configurable()
    {
        var custom = new FixClassifier(SzzOptions.Default with { Keywords = new[] { "oops" }, IssueReferences = false });

        Assert.True(custom.IsFix("oops, wrong total"));
        Assert.False(custom.IsFix("fix wrong total"));
        Assert.False(custom.IsFix("closes #12"));
    }

    [Theory]
    [InlineData("   ", true)]
    [InlineData("// a comment", true)]
    [InlineData("# yaml comment", true)]
    [InlineData(" * doc line", true)]
    [InlineData("return total;", false)]
    [InlineData("#include <stdio.h>", false)]
    public void Blank_and_comment_lines_are_not_blamed(string line, bool ignored)
    {
        Assert.Equal(ignored, SzzLabeler.IsBlankOrComment(line));
    }
}
