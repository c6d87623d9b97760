using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Workspace.Tests;

/// <summary>A stand-in check: reports every occurrence of the word FAKESECRET as DL1001, so workspace behaviour is tested without the real detectors.</summary>
internal sealed class FakeSecretRule : IDocumentRule
{
    public const string Word = "FAKESECRET";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [RuleCatalog.KnownCredential];

    public bool AppliesTo(DocumentContext document) => true;

    public void Analyze(DocumentContext document, IReportSink sink)
    {
        var index = document.Text.IndexOf(Word, StringComparison.Ordinal);
        while (index >= 0)
        {
            sink.Report(RuleCatalog.KnownCredential, new TextRange(index, Word.Length), RuleCatalog.KnownCredential.FormatMessage("Fake token", "…"));
            index = document.Text.IndexOf(Word, index + Word.Length, StringComparison.Ordinal);
        }
    }
}

/// <summary>A check that always throws, to prove one failing rule does not stop the others.</summary>
internal sealed class ThrowingRule : IDocumentRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = [RuleCatalog.PrivateKey];

    public bool AppliesTo(DocumentContext document) => true;

    public void Analyze(DocumentContext document, IReportSink sink) => throw new InvalidOperationException("boom");
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dl-ws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            // Symlinked folders (the walker tests make loops) are not followed: their links are deleted, not their targets.
            foreach (var file in Directory.EnumerateFiles(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

/// <summary>Configuration files held in memory, keyed by absolute forward-slash path.</summary>
internal sealed class MemoryReader(Dictionary<string, string> files) : IConfigurationFileReader
{
    public string? ReadText(string path) => files.TryGetValue(path, out var text) ? text : null;
}

internal static class Workspaces
{
    public static WorkspaceAnalyzer Create(string root, params IDocumentRule[] rules) =>
        new(root, new WorkspaceOptions { Rules = new RuleRegistry(rules.Length == 0 ? [new FakeSecretRule()] : rules), Analyzers = [] });
}
