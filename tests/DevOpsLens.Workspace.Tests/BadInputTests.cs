using System.Text;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Workspace.Files;

namespace DevOpsLens.Workspace.Tests;

/// <summary>Malformed input gives a clear DL9xxx finding and the scan goes on to the other files.</summary>
public sealed class BadInputTests
{
    private static async Task<ScanResult> ScanAsync(string root) =>
        await Workspaces.Create(root).ScanAsync(new ScanRequest(), null, CancellationToken.None);

    [Fact]
    public async Task Huge_sparse_file_is_skipped_without_being_read()
    {
        using var dir = new TempDir();
        var big = Path.Combine(dir.Path, "dump.sql");
        using (var stream = new FileStream(big, FileMode.CreateNew))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        dir.Write("z.env", "KEY=FAKESECRET\n");
        var result = await ScanAsync(dir.Path);
        var skipped = Assert.Single(result.Findings, f => f.Path == "dump.sql");
        Assert.Equal("DL9004", skipped.RuleId);
        Assert.Contains("size limit", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("200 MB", skipped.Message, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Path == "z.env" && f.RuleId == "DL1001");
        File.Delete(big);
    }

    [Fact]
    public async Task One_megabyte_single_line_is_checked()
    {
        using var dir = new TempDir();
        var line = new StringBuilder(1024 * 1024 + 20);
        line.Append('a', 1024 * 1024).Append(" FAKESECRET");
        dir.Write("minified.js", line.ToString());
        var result = await ScanAsync(dir.Path);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("DL1001", finding.RuleId);
        Assert.Equal(0, finding.Start.Line);
        Assert.Equal(1024 * 1024 + 1, finding.Start.Character);
    }

    [Fact]
    public async Task Nul_byte_file_is_reported_as_binary_and_known_binaries_are_silent()
    {
        using var dir = new TempDir();
        dir.WriteBytes("data.txt", [0x41, 0x00, 0x42, .. Encoding.ASCII.GetBytes("FAKESECRET")]);
        dir.WriteBytes("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        dir.Write("ok.env", "KEY=FAKESECRET\n");
        var result = await ScanAsync(dir.Path);
        var binary = Assert.Single(result.Findings, f => f.Path == "data.txt");
        Assert.Equal("DL9004", binary.RuleId);
        Assert.Contains("NUL byte", binary.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Path == "logo.png");
        Assert.Equal(2, result.FilesSkipped);
        Assert.Contains(result.Findings, f => f.Path == "ok.env" && f.RuleId == "DL1001");
    }

    [Fact]
    public async Task Invalid_utf8_is_checked_as_latin1_and_reported()
    {
        using var dir = new TempDir();
        dir.WriteBytes("legacy.ini", [.. Encoding.ASCII.GetBytes("name=caf"), 0xE9, .. Encoding.ASCII.GetBytes("\nKEY=FAKESECRET\n")]);
        var result = await ScanAsync(dir.Path);
        Assert.Contains(result.Findings, f => f.RuleId == "DL9001" && f.Message.Contains("not valid UTF-8 at byte 8", StringComparison.Ordinal));
        var secret = Assert.Single(result.Findings, f => f.RuleId == "DL1001");
        Assert.Equal(1, secret.Start.Line);
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("KEY=FAKESECRET")).ToArray();
        var result = FileContent.Decode(bytes);
        Assert.Equal(FileLoadStatus.Text, result.Status);
        Assert.Equal("KEY=FAKESECRET", result.Text);
    }

    [Fact]
    public async Task Unreadable_file_is_reported_as_DL9001()
    {
        using var dir = new TempDir();
        dir.Write("ok.env", "KEY=FAKESECRET\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "dangling.env"), Path.Combine(dir.Path, "missing-target"));
        var result = await ScanAsync(dir.Path);
        var unreadable = Assert.Single(result.Findings, f => f.Path == "dangling.env");
        Assert.Equal("DL9001", unreadable.RuleId);
        Assert.Contains(result.Findings, f => f.Path == "ok.env" && f.RuleId == "DL1001");
    }

    [Fact]
    public async Task Directory_symlinks_are_not_followed_so_a_loop_ends_and_nothing_is_scanned_twice()
    {
        using var dir = new TempDir();
        dir.Write("svc/a.env", "KEY=FAKESECRET\n");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "svc", "loop"), dir.Path);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "alias"), Path.Combine(dir.Path, "svc"));

        var result = await ScanAsync(dir.Path);

        var secret = Assert.Single(result.Findings, f => f.RuleId == "DL1001");
        Assert.Equal("svc/a.env", secret.Path);
    }

    [Fact]
    public async Task Broken_editorconfig_gives_DL9002_on_its_line_and_the_scan_goes_on()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\n[*.env]\ndotnet_diagnostic.DL1001.severity = loudest\n[broken\n");
        dir.Write("a.env", "KEY=FAKESECRET\n");
        var result = await ScanAsync(dir.Path);
        var problems = result.Findings.Where(f => f.RuleId == "DL9002").ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(".editorconfig", p.Path));
        Assert.Equal([2, 3], problems.Select(p => p.Start.Line));
        Assert.Contains("loudest", problems[0].Message, StringComparison.Ordinal);
        var secret = Assert.Single(result.Findings, f => f.RuleId == "DL1001");
        Assert.Equal(Engine.Catalog.Severity.Error, secret.Severity);
    }

    [Fact]
    public async Task Max_file_size_from_request_and_config_and_excludes_apply()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\ndevopslens.max_file_size = 10\ndevopslens.exclude = vendor/**\n");
        dir.Write("a.env", "KEY=FAKESECRET\n");
        dir.Write("vendor/lib.env", "KEY=FAKESECRET\n");
        var configLimited = await ScanAsync(dir.Path);
        Assert.Contains(configLimited.Findings, f => f.Path == "a.env" && f.RuleId == "DL9004");
        Assert.DoesNotContain(configLimited.Findings, f => f.Path.StartsWith("vendor/", StringComparison.Ordinal));

        var requestLimited = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest { MaxFileSize = 1000, Exclude = ["*.editorconfig"] }, null, CancellationToken.None);
        Assert.Contains(requestLimited.Findings, f => f.Path == "a.env" && f.RuleId == "DL1001");

        var included = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest { MaxFileSize = 1000, Include = ["vendor"] }, null, CancellationToken.None);
        Assert.DoesNotContain(included.Findings, f => f.RuleId == "DL1001");
    }

    [Fact]
    public async Task Scan_is_deterministic()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 40; i++)
        {
            dir.Write("d" + (i % 5) + "/f" + i + ".env", "A=FAKESECRET\nB=FAKESECRET\n");
        }

        var a = await ScanAsync(dir.Path);
        var b = await ScanAsync(dir.Path);
        Assert.Equal(80, a.Findings.Count);
        Assert.Equal(a.Findings.Select(f => f.ToString() + f.Fingerprint), b.Findings.Select(f => f.ToString() + f.Fingerprint));
        Assert.Equal(a.Findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Range.Start).Select(f => f.ToString()), a.Findings.Select(f => f.ToString()));
        Assert.All(a.Findings, f => Assert.NotEqual(SuppressionKind.Baseline, f.Suppression));
    }
}
