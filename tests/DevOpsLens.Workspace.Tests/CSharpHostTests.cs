using System.Collections.Immutable;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Workspace.Tests;

/// <summary>A stand-in for the product analyzers: DL2003 on every Console.WriteLine call, reading an option through the options provider.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ConsoleCallAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("DL2003", "Console output", "Console.{0} writes to stdout", "Observability", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var invocation = (InvocationExpressionSyntax)c.Node;
                if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Console" } } member)
                {
                    var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Node.SyntaxTree);
                    if (options.TryGetValue("test_marker", out var marker) && marker == "skip")
                    {
                        return;
                    }

                    c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), member.Name.Identifier.Text));
                }
            },
            SyntaxKind.InvocationExpression);
    }
}

/// <summary>A stand-in project-wide check: DL2005 at compilation end when no file mentions AddHealthChecks.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ProjectWideAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("DL2005", "Health checks", "No health checks", "Observability", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: [WellKnownDiagnosticTags.CompilationEnd]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(end =>
        {
            var trees = end.Compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
            if (trees.Any(t => t.GetText().ToString().Contains("AddHealthChecks", StringComparison.Ordinal)))
            {
                return;
            }

            var host = trees.FirstOrDefault(t => t.GetText().ToString().Contains("WebApplication", StringComparison.Ordinal));
            if (host != null)
            {
                end.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(host, new Microsoft.CodeAnalysis.Text.TextSpan(0, 5))));
            }
        });
    }
}

/// <summary>DL2004 on every object creation whose type comes from the YamlDotNet assembly: proves package references resolve.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PackageSymbolAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("DL2004", "Probe", "Resolved {0}", "Observability", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation.Type?.ContainingAssembly?.Name == "YamlDotNet")
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), c.Operation.Type.Name));
                }
            },
            Microsoft.CodeAnalysis.OperationKind.ObjectCreation);
    }
}

public sealed class CSharpHostTests
{
    private static WorkspaceAnalyzer Create(string root) =>
        new(root, new WorkspaceOptions { Rules = new RuleRegistry([new FakeSecretRule()]), Analyzers = [new ConsoleCallAnalyzer()] });

    private const string Program = "class P\n{\n    static void Main()\n    {\n        System.Console.WriteLine(\"a\");\n        Console.WriteLine(\"b\"); // devopslens-ignore DL2003: demo output\n#pragma warning disable DL2003\n        Console.Write(\"c\");\n#pragma warning restore DL2003\n        var key = \"FAKESECRET\";\n    }\n}\n";

    [Fact]
    public async Task Analyzer_diagnostics_become_findings_with_suppressions()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        dir.Write("svc/Program.cs", Program);
        var result = await Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);

        var console = result.Findings.Where(f => f.RuleId == "DL2003").ToList();
        Assert.Equal(2, console.Count);
        Assert.Equal([5, 7], console.Select(f => f.Start.Line));
        Assert.Equal(SuppressionKind.InlineComment, console[0].Suppression);
        Assert.Equal(SuppressionKind.Pragma, console[1].Suppression);
        Assert.All(console, f => Assert.Equal("svc/Program.cs", f.Path));
        Assert.All(console, f => Assert.NotNull(f.Fingerprint));

        // The engine rule still runs on C# for rules no analyzer reports.
        Assert.Single(result.Findings, f => f.RuleId == "DL1001" && f.Path == "svc/Program.cs");
    }

    [Theory]
    [InlineData("Microsoft.NET.Sdk.Worker", "enable", true)]
    [InlineData("Microsoft.NET.Sdk.Web", "enable", true)]
    [InlineData("Microsoft.NET.Sdk.Worker", "disable", false)]
    public async Task Sdk_implicit_usings_resolve_hosting_types_for_the_real_analyzers(string sdk, string implicitUsings, bool resolves)
    {
        // A worker as `dotnet new worker` writes it: no using for Microsoft.Extensions.Hosting, the SDK adds it.
        using var dir = new TempDir();
        dir.Write("worker/Worker.csproj", "<Project Sdk=\"" + sdk + "\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>" + implicitUsings + "</ImplicitUsings></PropertyGroup></Project>");
        dir.Write("worker/Poller.cs", """
            namespace Shop.Worker;

            public sealed class Poller(ILogger<Poller> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await PollAsync(stoppingToken);
                        await Task.Delay(1000, stoppingToken);
                    }
                }

                private Task PollAsync(CancellationToken token) => Task.CompletedTask;
            }
            """);
        var result = await new WorkspaceAnalyzer(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);

        Assert.Equal(resolves, result.Findings.Any(f => f.RuleId == "DL2008" && f.Path == "worker/Poller.cs"));
    }

    [Fact]
    public async Task LoggerMessage_methods_declared_in_another_file_follow_that_file_s_edits()
    {
        // DL2009 keeps the [LoggerMessage] names of each syntax tree; an edit to the declaring file must be seen.
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        const string Declared = "namespace Svc;\n\npublic static partial class Log\n{\n    [LoggerMessage(Level = LogLevel.Information, Message = \"Signed in with {Password}\")]\n    public static partial void SignedIn(ILogger logger, string password);\n}\n";
        const string NotDeclared = "namespace Svc;\n\npublic static partial class Log\n{\n    public static void SignedIn(ILogger logger, string password) { }\n}\n";
        var log = dir.Write("svc/Log.cs", Declared);
        var caller = dir.Write("svc/Login.cs", "namespace Svc;\n\npublic sealed class Login(ILogger<Login> logger)\n{\n    public void Handle(string input) => Log.SignedIn(logger, input);\n}\n");
        var workspace = new WorkspaceAnalyzer(dir.Path);

        Assert.Contains(await workspace.AnalyzeDocumentAsync(caller, File.ReadAllText(caller), CancellationToken.None), f => f.RuleId == "DL2009");

        // An edited buffer replaces its file in the cached project when it is analysed, as the server does.
        await workspace.AnalyzeDocumentAsync(log, NotDeclared, CancellationToken.None);
        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(caller, File.ReadAllText(caller), CancellationToken.None), f => f.RuleId == "DL2009");

        await workspace.AnalyzeDocumentAsync(log, Declared, CancellationToken.None);
        Assert.Contains(await workspace.AnalyzeDocumentAsync(caller, File.ReadAllText(caller), CancellationToken.None), f => f.RuleId == "DL2009");
    }

    [Theory]
    [InlineData("api", "Orders.Api.csproj", "", true)]
    [InlineData("ServiceWorkerTest", "ServiceWorkerTest.csproj", "", true)]
    [InlineData("api", "Orders.Api.IntegrationTests.csproj", "", false)]
    [InlineData("tests", "Orders.Tests.csproj", "", false)]
    [InlineData("api", "Api.csproj", "<AssemblyName>Orders.Api.Tests</AssemblyName>", false)]
    public async Task Test_projects_are_known_by_their_project_name_not_their_folder(string folder, string projectFile, string property, bool reported)
    {
        // Without a restore the test framework does not resolve; the service rules then go by the assembly's name,
        // which MSBuild takes from the project file (or <AssemblyName>), not from the folder.
        using var dir = new TempDir();
        dir.Write(folder + "/" + projectFile, "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>" + property + "</PropertyGroup></Project>");
        dir.Write(folder + "/Report.cs", "namespace Orders;\n\npublic sealed class Report\n{\n    public void Print(int total) => System.Console.WriteLine(total);\n}\n");
        var result = await new WorkspaceAnalyzer(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);

        Assert.Equal(reported, result.Findings.Any(f => f.RuleId == "DL2003"));
    }

    [Fact]
    public async Task Editorconfig_severity_and_options_reach_the_analyzers()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.DL2003.severity = error\n[skip/*.cs]\ntest_marker = skip\n");
        dir.Write("a/Program.cs", "class A { void M() { Console.WriteLine(1); } }\n");
        dir.Write("skip/Program.cs", "class B { void M() { Console.WriteLine(1); } }\n");
        var result = await Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("a/Program.cs", finding.Path);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public async Task Document_analysis_replaces_the_file_in_the_cached_project()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("svc/Other.cs", "class O { void M() { Console.WriteLine(1); } }\n");
        var path = dir.Write("svc/Program.cs", "class P { }\n");
        var workspace = Create(dir.Path);

        var clean = await workspace.AnalyzeDocumentAsync(path, "class P { }\n", CancellationToken.None);
        Assert.Empty(clean);
        var edited = await workspace.AnalyzeDocumentAsync(path, "class P { void M() { Console.Write(2); } }\n", CancellationToken.None);
        var finding = Assert.Single(edited);
        Assert.Equal("svc/Program.cs", finding.Path);
        Assert.Equal("DL2003", finding.RuleId);
    }

    [Fact]
    public async Task Findings_match_between_scan_and_document_analysis()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var path = dir.Write("svc/Program.cs", Program);
        var workspace = Create(dir.Path);
        var scan = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        var document = await workspace.AnalyzeDocumentAsync(path, Program, CancellationToken.None);
        Assert.Equal(
            scan.Findings.Select(f => (f.RuleId, f.Path, f.Range, f.Fingerprint, f.Suppression)),
            document.Select(f => (f.RuleId, f.Path, f.Range, f.Fingerprint, f.Suppression)));
    }

    [Fact]
    public async Task Document_analysis_includes_project_wide_checks_and_updates_them()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("svc/Startup.cs", "class Startup { }\n");
        var path = dir.Write("svc/Program.cs", "class P { void M() { var b = WebApplication.CreateBuilder(); } }\n");
        var workspace = new WorkspaceAnalyzer(dir.Path, new WorkspaceOptions { Rules = new RuleRegistry([]), Analyzers = [new ProjectWideAnalyzer(), new ConsoleCallAnalyzer()] });

        var before = await workspace.AnalyzeDocumentAsync(path, File.ReadAllText(path), CancellationToken.None);
        Assert.Equal("DL2005", Assert.Single(before).RuleId);

        var fixedText = "class P { void M() { var b = WebApplication.CreateBuilder(); b.Services.AddHealthChecks(); } }\n";
        Assert.Empty(await workspace.AnalyzeDocumentAsync(path, fixedText, CancellationToken.None));

        var scan = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.Single(scan.Findings, f => f.RuleId == "DL2005");
    }

    [Fact]
    public async Task Restored_package_references_resolve_from_project_assets()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("svc/Program.cs", "class P { object M() => new YamlDotNet.Serialization.DeserializerBuilder(); }\n");
        var workspace = new WorkspaceAnalyzer(dir.Path, new WorkspaceOptions { Rules = new RuleRegistry([]), Analyzers = [new PackageSymbolAnalyzer()] });
        Assert.Empty((await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None)).Findings);

        var packages = Path.Combine(dir.Path, "packages");
        Directory.CreateDirectory(Path.Combine(packages, "yamldotnet", "18.1.0", "lib", "net8.0"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "YamlDotNet.dll"), Path.Combine(packages, "yamldotnet", "18.1.0", "lib", "net8.0", "YamlDotNet.dll"));
        var assets = "{ \"version\": 3, \"targets\": { \"net10.0\": { \"YamlDotNet/18.1.0\": { \"type\": \"package\", \"compile\": { \"lib/net8.0/YamlDotNet.dll\": {} } } } },"
            + " \"libraries\": { \"YamlDotNet/18.1.0\": { \"type\": \"package\", \"path\": \"yamldotnet/18.1.0\" } },"
            + " \"packageFolders\": { " + System.Text.Json.JsonSerializer.Serialize(packages + Path.DirectorySeparatorChar) + ": {} } }";
        dir.Write("svc/obj/project.assets.json", assets);

        var result = await new WorkspaceAnalyzer(dir.Path, new WorkspaceOptions { Rules = new RuleRegistry([]), Analyzers = [new PackageSymbolAnalyzer()] })
            .ScanAsync(new ScanRequest { Exclude = ["packages"] }, null, CancellationToken.None);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("Resolved DeserializerBuilder", finding.Message);
    }
}
