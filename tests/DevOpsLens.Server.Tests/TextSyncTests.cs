using DevOpsLens.Engine.Text;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Protocol;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

public sealed class TextSyncTests
{
    // devopslens-ignore DL1001: fake key the tests plant
    private const string Key = "AKIAABCDEFGHIJKLMNOP";

    [Fact]
    public void Incremental_edits_count_utf16_code_units_for_emoji_and_cjk()
    {
        // "😀" is two UTF-16 code units, "名前" two units of one each: LSP characters are UTF-16 units.
        var text = "名前: 😀x\nline2";
        var edited = DocumentText.Apply(text, new[]
        {
            new TextDocumentContentChangeEvent { Range = Range(0, 6, 0, 7), Text = "y" },
            new TextDocumentContentChangeEvent { Range = Range(1, 0, 1, 0), Text = "🎉漢" },
        });
        Assert.Equal("名前: 😀y\n🎉漢line2", edited);
    }

    [Fact]
    public void Positions_past_the_line_end_clamp_to_the_line_content()
    {
        var text = "ab\r\ncd";
        var lines = LineMap.Create(text);
        Assert.Equal(2, DocumentText.ToOffset(text, lines, new Position { Line = 0, Character = 99 }));
        Assert.Equal(text.Length, DocumentText.ToOffset(text, lines, new Position { Line = 7, Character = 0 }));
        Assert.Equal("abX\r\ncd", DocumentText.Apply(text, new[] { new TextDocumentContentChangeEvent { Range = Range(0, 50, 0, 50), Text = "X" } }));
    }

    [Fact]
    public void A_change_without_range_replaces_the_whole_text()
    {
        Assert.Equal("new", DocumentText.Apply("old", new[] { new TextDocumentContentChangeEvent { Text = "new" } }));
    }

    [Fact]
    public async Task DidOpen_publishes_diagnostics_with_rule_metadata()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("deploy.yml");
        await lsp.OpenAsync(uri, "env:\n  AWS_KEY: " + Key + "\n", languageId: "yaml");

        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() > 0);
        var d = Assert.Single(diagnostics.EnumerateArray());
        Assert.Equal("DL1001", d.GetProperty("code").GetString());
        Assert.Equal("devopslens", d.GetProperty("source").GetString());
        Assert.Equal(1, d.GetProperty("severity").GetInt32());
        Assert.Equal(Engine.Catalog.RuleCatalog.KnownCredential.HelpUri, d.GetProperty("codeDescription").GetProperty("href").GetString());
        Assert.Equal(1, d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(11, d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(31, d.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        Assert.False(string.IsNullOrEmpty(d.GetProperty("data").GetProperty("fingerprint").GetString()));
        Assert.DoesNotContain(Key, d.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Incremental_changes_after_emoji_and_cjk_move_the_diagnostic_in_utf16_units()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("notes.txt");
        await lsp.OpenAsync(uri, "名前😀 = x\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);

        // Replace "x" (after 2 CJK chars, one emoji = 2 units, and " = ") with the key: starts at UTF-16 column 7.
        await lsp.ChangeAsync(uri, 2, (0, 7, 0, 8, Key));
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        var range = diagnostics[0].GetProperty("range");
        Assert.Equal(7, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(27, range.GetProperty("end").GetProperty("character").GetInt32());

        // Insert an emoji before it: the finding moves by two units.
        await lsp.ChangeAsync(uri, 3, (0, 0, 0, 0, "🎉"));
        diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1 && d[0].GetProperty("range").GetProperty("start").GetProperty("character").GetInt32() == 9);
        Assert.Equal(29, diagnostics[0].GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());

        // Delete the key: diagnostics clear.
        await lsp.ChangeAsync(uri, 4, (0, 9, 0, 29, "y"));
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
    }

    [Fact]
    public async Task A_burst_of_edits_ends_with_diagnostics_for_the_final_text()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("burst.env");
        await lsp.OpenAsync(uri, string.Empty);
        var version = 1;
        for (var i = 0; i < 300; i++)
        {
            // Type the key one character at a time, then a newline, over and over: each completed key is a finding.
            var typed = (Key + "\n")[i % (Key.Length + 1)].ToString();
            var line = i / (Key.Length + 1);
            var column = i % (Key.Length + 1);
            await lsp.ChangeAsync(uri, ++version, (line, column, line, column, typed));
        }

        var expected = 300 / (Key.Length + 1);
        var last = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == expected);
        Assert.All(last.EnumerateArray(), d => Assert.Equal("DL1001", d.GetProperty("code").GetString()));
        var published = lsp.Client.Published.Last(p => p.GetProperty("uri").GetString() == uri);
        Assert.Equal(version, published.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DidClose_clears_the_documents_diagnostics()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("scratch.sh");
        await lsp.OpenAsync(uri, "export K=" + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        await lsp.NotifyAsync("textDocument/didClose", new System.Text.Json.Nodes.JsonObject { ["textDocument"] = LspHarness.Doc(uri) });
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
    }

    private static LspRange Range(int l, int c, int el, int ec) =>
        new() { Start = new Position { Line = l, Character = c }, End = new Position { Line = el, Character = ec } };
}
