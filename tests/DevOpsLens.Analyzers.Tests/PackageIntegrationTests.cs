using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DevOpsLens.Tests.Shared;
using Xunit;

namespace DevOpsLens.Analyzers.Tests;

/// <summary>
/// The shipped package end to end: pack DevOpsLens.Analyzers.nupkg, restore it from a local folder source into a
/// fresh ASP.NET Core project, build, and read the diagnostics from the build output. Slow (one pack, one restore and
/// two builds), so it is one test with its own trait: <c>dotnet test --filter Category!=Integration</c> skips it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackageIntegrationTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "devopslens-pkg-" + Guid.NewGuid().ToString("N"));

    public PackageIntegrationTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is in the temp directory.
        }
    }

    [Fact]
    public async Task Packed_analyzers_report_in_dotnet_build_and_editorconfig_can_fail_the_build()
    {
        var feed = Path.Combine(_work, "feed");
        var pack = await RunAsync(TestPaths.RepoRoot, "pack", Path.Combine("analyzers", "DevOpsLens.Analyzers.Package"), "-o", feed, "-p:Version=0.0.0-it");
        Assert.True(pack.ExitCode == 0, pack.Output);

        var app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_work, "packages")}" />
              </config>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DevOpsLens.Analyzers" Version="0.0.0-it" />
              </ItemGroup>
            </Project>
            """);

        // Line numbers below are asserted: keep the file's layout in step with Expected.
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => Tokens.Probe());
            app.Run();

            static class Tokens
            {
                public const string GitHubApp = "ghs_6gYYeL3VUyciC1JVbWX3sA7xJR1YCm2iJISI";

                public static string Probe()
                {
                    try { return System.IO.File.ReadAllText("probe.txt"); }
                    catch (Exception) { return ""; }
                }
            }
            """);

        // DL1001 is an error by default; lowered here so the first build succeeds and shows every finding.
        await File.WriteAllTextAsync(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.DL1001.severity = warning\n");
        var first = await RunAsync(app, "build", "-nologo");
        Assert.True(first.ExitCode == 0, first.Output);
        var expected = new[] { ("DL1001", 8), ("DL2001", 13), ("DL2005", 1), ("DL2006", 1) };
        Assert.Equal(expected, Findings(first.Output, "warning"));

        // .editorconfig wins over the package's preset: with DevOpsLensAnalysisMode=None only DL1001 remains, as an error.
        await File.WriteAllTextAsync(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.DL1001.severity = error\n");
        var second = await RunAsync(app, "build", "-nologo", "--no-restore", "-p:DevOpsLensAnalysisMode=None");
        Assert.True(second.ExitCode != 0, second.Output);
        Assert.Equal(new[] { ("DL1001", 8) }, Findings(second.Output, "error"));
        Assert.Empty(Findings(second.Output, "warning"));
        Assert.DoesNotContain("6gYYeL3VUyciC1JVbWX3sA7xJR1YCm2iJISI", second.Output, StringComparison.Ordinal);
    }

    private static (string, int)[] Findings(string output, string level) =>
        Regex.Matches(output, @"Program\.cs\((\d+),\d+\): " + level + @" (DL\d{4}):", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Select(m => (m.Groups[2].Value, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToArray();

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(new[] { "--disable-build-servers" }))
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CI"] = "false";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', args) + " did not finish in " + StepTimeout);
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
