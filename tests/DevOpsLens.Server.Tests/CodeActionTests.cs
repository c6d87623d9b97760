using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

public sealed class CodeActionTests
{
    // devopslens-ignore DL1001: fake key the tests plant
    private const string Key = "AKIAABCDEFGHIJKLMNOP";

    [Theory]
    [InlineData("deploy.yml", "  token: KEY\n", "  # devopslens-ignore DL1001: <reason>\n")]
    [InlineData("Program.cs", "    var k = \"KEY\";\n", "    // devopslens-ignore DL1001: <reason>\n")]
    [InlineData("web.config", "  <add key=\"k\" value=\"KEY\" />\n", "  <!-- devopslens-ignore DL1001: <reason> -->\n")]
    [InlineData("build.cmd", "set K=KEY\n", "REM devopslens-ignore DL1001: <reason>\n")]
    [InlineData("Dockerfile", "  ENV K=KEY\n", "# devopslens-ignore DL1001: <reason>\n")]
    [InlineData("deploy.ps1", "$k = 'KEY'\n", "# devopslens-ignore DL1001: <reason>\n")]
    [InlineData("main.bicep", "var k = 'KEY'\n", "// devopslens-ignore DL1001: <reason>\n")]
    public async Task Suppress_inserts_a_comment_in_the_files_syntax_and_the_finding_goes_away(string name, string line, string expectedComment)
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri(name);
        var text = "first line\n" + line.Replace("KEY", Key, StringComparison.Ordinal);
        await lsp.OpenAsync(uri, text);
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        var actions = await CodeActionsAsync(lsp, uri, diagnostics[0]);
        var suppress = actions.Single(a => a.GetProperty("title").GetString() == "Suppress DL1001 on this line");
        var edit = suppress.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0];
        Assert.Equal(expectedComment, edit.GetProperty("newText").GetString());
        Assert.Equal(1, edit.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(0, edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        await lsp.ChangeAsync(uri, 2, (1, 0, 1, 0, expectedComment));
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Json_gets_no_comment_suppression_but_can_be_baselined()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("appsettings.json");
        await lsp.OpenAsync(uri, "{ \"Key\": \"" + Key + "\" }\n");
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        var titles = (await CodeActionsAsync(lsp, uri, diagnostics[0])).Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.DoesNotContain("Suppress DL1001 on this line", titles);
        Assert.Contains("Add DL1001 to the baseline", titles);
    }

    [Fact]
    public async Task The_rules_quick_fix_is_offered_first_and_preferred()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("run.sh");
        await lsp.OpenAsync(uri, "export AWS=" + Key + "\n");
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        var fix = (await CodeActionsAsync(lsp, uri, diagnostics[0]))[0];
        Assert.Equal("Read the key from AWS_ACCESS_KEY_ID", fix.GetProperty("title").GetString());
        Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
        Assert.True(fix.GetProperty("isPreferred").GetBoolean());
        var edit = fix.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0];
        Assert.Equal(FakeKeyFix.Replacement, edit.GetProperty("newText").GetString());
        Assert.Equal(11, edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(31, edit.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Add_to_baseline_writes_the_fingerprint_and_clears_the_diagnostic()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("settings.json");
        await lsp.OpenAsync(uri, "{ \"Key\": \"" + Key + "\" }\n");
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        var fingerprint = diagnostics[0].GetProperty("data").GetProperty("fingerprint").GetString()!;

        var action = (await CodeActionsAsync(lsp, uri, diagnostics[0])).Single(a => a.GetProperty("title").GetString() == "Add DL1001 to the baseline");
        var command = action.GetProperty("command");
        var result = await lsp.RequestAsync("workspace/executeCommand", JsonNode.Parse(JsonSerializer.Serialize(new
        {
            command = command.GetProperty("command").GetString(),
            arguments = command.GetProperty("arguments"),
        })));

        var baseline = File.ReadAllText(Path.Combine(dir.Path, ".devopslens", "baseline.json"));
        Assert.Contains(fingerprint, baseline, StringComparison.Ordinal);
        Assert.Contains("settings.json", baseline, StringComparison.Ordinal);
        Assert.EndsWith("baseline.json", result.GetProperty("baseline").GetString(), StringComparison.Ordinal);
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Add_to_baseline_with_bad_arguments_is_InvalidParams()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var code = await JsonAssert.ErrorCodeAsync(() => lsp.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "devopslens.server.addToBaseline", ["arguments"] = new JsonArray(42) }));
        Assert.Equal(-32602, code);
    }

    [Fact]
    public async Task Code_actions_without_context_diagnostics_use_the_range()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("a.yml");
        await lsp.OpenAsync(uri, "a: 1\nk: " + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        var none = await lsp.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["range"] = LspHarness.Range(0, 0, 0, 1), ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } });
        Assert.Equal(0, none.GetArrayLength());
        var some = await lsp.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["range"] = LspHarness.Range(1, 5, 1, 5), ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } });
        Assert.Equal(3, some.GetArrayLength());
    }

    private static async Task<List<JsonElement>> CodeActionsAsync(LspHarness lsp, string uri, JsonElement diagnostic)
    {
        var result = await lsp.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspHarness.Doc(uri),
            ["range"] = JsonNode.Parse(diagnostic.GetProperty("range").GetRawText()),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.GetRawText())) },
        });
        return result.EnumerateArray().ToList();
    }
}
