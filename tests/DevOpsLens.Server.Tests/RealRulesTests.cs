using System.Text;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

/// <summary>The product's own rules through the production Workspace: SecretScanner for YAML/.env, the Roslyn analyzers in-process for C#.</summary>
public sealed class RealRulesTests
{
    [Fact]
    public async Task Planted_token_in_yaml_and_dotenv_is_reported_by_the_secret_scanner()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start(analysis: root => WorkspaceAnalysisService.Create(root));
        await lsp.InitializeAsync(dir.Path);
        var token = GitHubToken("k8sSecretBodyForTheLspTest0001");
        var yaml = dir.Uri("deploy/secret.yaml");
        var env = dir.Uri(".env");
        await lsp.OpenAsync(yaml, "apiVersion: v1\nkind: Secret\nstringData:\n  token: " + token + "\n", languageId: "yaml");
        await lsp.OpenAsync(env, "GITHUB_TOKEN=" + token + "\n");

        var y = await lsp.DiagnosticsAsync(yaml, d => JsonAssert.HasCode(d, "DL1001"));
        Assert.Equal(3, y[0].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.DoesNotContain(token, y[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await lsp.DiagnosticsAsync(env, d => JsonAssert.HasCode(d, "DL1001"));
    }

    [Fact]
    public async Task Token_in_a_csharp_file_is_reported_through_the_in_process_analyzers()
    {
        using var dir = new TempDir();
        dir.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        await using var lsp = LspHarness.Start(analysis: root => WorkspaceAnalysisService.Create(root));
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("src/Api/GitHubOptions.cs");
        var code = "namespace Api;\n\ninternal static class GitHubOptions\n{\n    public const string Token = \"" + GitHubToken("csharpConstantBodyForLspTest02") + "\";\n}\n";
        await lsp.OpenAsync(uri, code, languageId: "csharp");

        var d = await lsp.DiagnosticsAsync(uri, x => JsonAssert.HasCode(x, "DL1001"));
        Assert.Equal(4, d.EnumerateArray().First(x => x.GetProperty("code").GetString() == "DL1001").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Csharp_code_action_offers_the_analyzers_code_fix_as_a_text_edit()
    {
        using var dir = new TempDir();
        dir.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        await using var lsp = LspHarness.Start(analysis: root => WorkspaceAnalysisService.Create(root, new Workspace.WorkspaceOptions { FixSources = new Workspace.IFixSource[] { new RoslynCodeFixSource() } }));
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("src/Api/GitHubClient.cs");
        var token = GitHubToken("csharpFieldBodyForTheFixTest03");
        var code = "namespace Api;\n\ninternal sealed class GitHubClient\n{\n    private static readonly string Token = \"" + token + "\";\n\n    public string Header() => \"token \" + Token;\n}\n";
        await lsp.OpenAsync(uri, code, languageId: "csharp");
        var diagnostics = await lsp.DiagnosticsAsync(uri, x => JsonAssert.HasCode(x, "DL1001"));
        var diagnostic = diagnostics.EnumerateArray().First(x => x.GetProperty("code").GetString() == "DL1001");

        var actions = await lsp.RequestAsync("textDocument/codeAction", new System.Text.Json.Nodes.JsonObject
        {
            ["textDocument"] = LspHarness.Doc(uri),
            ["range"] = System.Text.Json.Nodes.JsonNode.Parse(diagnostic.GetProperty("range").GetRawText()),
            ["context"] = new System.Text.Json.Nodes.JsonObject { ["diagnostics"] = new System.Text.Json.Nodes.JsonArray(System.Text.Json.Nodes.JsonNode.Parse(diagnostic.GetRawText())) },
        });
        var fix = actions.EnumerateArray().First();
        Assert.StartsWith("Read the secret from", fix.GetProperty("title").GetString(), StringComparison.Ordinal);
        var edits = fix.GetProperty("edit").GetProperty("changes").GetProperty(uri);
        var newText = string.Concat(edits.EnumerateArray().Select(e => e.GetProperty("newText").GetString()));
        Assert.DoesNotContain(token, newText, StringComparison.Ordinal);
        Assert.Contains("Environment.GetEnvironmentVariable", newText, StringComparison.Ordinal);
    }

    /// <summary>GitHub's classic token format with its CRC32 checksum (the scanner rejects hand-made fakes).</summary>
    private static string GitHubToken(string body30)
    {
        const string base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.ASCII.GetBytes(body30))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        var check = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            check[i] = base62[(int)(crc % 62)];
            crc /= 62;
        }

        return "gh" + "p_" + body30 + new string(check);
    }
}
