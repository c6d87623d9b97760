using System.Text.Json;
using DevOpsLens.Tests.Shared;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

/// <summary>
/// Rider cannot run here. The LSP4IJ template is checked for the file kinds it must route to the server, and its
/// command line and initialization options are run against the built tool the way LSP4IJ would: a document of each
/// mapped file type, opened with the template's languageId, gets the tool's findings.
/// </summary>
public sealed class RiderTemplateTests
{
    [Fact]
    public void Template_starts_devopslens_lsp_and_maps_every_non_csharp_file_kind()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "clients", "rider", "devopslens", "template.json")));
        var root = doc.RootElement;
        Assert.Equal("devopslens lsp --stdio", root.GetProperty("programArgs").GetProperty("default").GetString());
        var patterns = root.GetProperty("fileTypeMappings").EnumerateArray()
            .SelectMany(m => m.GetProperty("fileType").GetProperty("patterns").EnumerateArray().Select(p => p.GetString()))
            .ToList();
        foreach (var expected in new[] { "*.yaml", "*.yml", "*.json", "Dockerfile", ".env", "*.sh", "*.ps1", "*.bicep", "*.tf", "*.csproj", ".editorconfig" })
        {
            Assert.Contains(expected, patterns);
        }

        Assert.DoesNotContain(patterns, p => p!.EndsWith(".cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_command_and_options_start_a_server_that_reports_on_every_mapped_file_type()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "clients", "rider", "devopslens");
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "template.json")));
        var command = template.RootElement.GetProperty("programArgs").GetProperty("default").GetString()!.Split(' ');
        Assert.Equal("devopslens", command[0]);
        var options = JsonSerializer.Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(folder, "initializationOptions.json")))!;
        options["scanOnStartup"] = false;

        using var dir = new TempDir();
        await using var server = StdioTests.StdioServer.Start(command.Skip(1));
        await server.SendAsync(1, "initialize", new { processId = Environment.ProcessId, rootUri = new Uri(dir.Path).AbsoluteUri, capabilities = new { }, initializationOptions = options });
        await server.ResponseAsync(1);
        await server.NotifyAsync("initialized", new { });

        // One file per mapping, named after its first concrete pattern, each holding an access key id in the
        // file type's own syntax.
        const string Key = "AKIA" + "ABCDEFGHIJKLMNOP";
        var version = 0;
        foreach (var mapping in template.RootElement.GetProperty("fileTypeMappings").EnumerateArray())
        {
            var languageId = mapping.GetProperty("languageId").GetString()!;
            var pattern = mapping.GetProperty("fileType").GetProperty("patterns").EnumerateArray().First().GetString()!;
            var name = pattern.Replace("*", "sample", StringComparison.Ordinal);
            var text = languageId switch
            {
                "json" => "{\"aws\": {\"accessKeyId\": \"" + Key + "\"}}\n",
                "xml" => "<Project><PropertyGroup><AwsKeyId>" + Key + "</AwsKeyId></PropertyGroup></Project>\n",
                "dockerfile" => "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=" + Key + "\n",
                _ => "aws_access_key_id = \"" + Key + "\"\n",
            };
            if (languageId == "yaml")
            {
                text = "aws_access_key_id: " + Key + "\n";
            }

            var uri = new Uri(Path.Combine(dir.Path, name)).AbsoluteUri;
            await server.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version = ++version, text } });
            var published = await server.NotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri && p.GetProperty("diagnostics").GetArrayLength() > 0);
            var codes = published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
            Assert.True(codes.Contains("DL1001"), name + " (" + languageId + "): " + string.Join(", ", codes));
        }
    }
}
