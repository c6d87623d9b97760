using System.Text.Json;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Server.Tests;

/// <summary>Rider cannot run here: the LSP4IJ template is checked for the command and the file kinds it must route to the server.</summary>
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
}
