using System.Collections.Immutable;
using DevOpsLens.Workspace.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Workspace.Tests;

/// <summary>Reports, for every invocation and return, the containing symbol and what the call binds to.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SymbolProbeAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new("PROBE1", "Probe", "{0} | {1}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var bound = c.Node is InvocationExpressionSyntax ? c.SemanticModel.GetSymbolInfo(c.Node, c.CancellationToken).Symbol?.ToDisplayString() : "return";
                c.ReportDiagnostic(Diagnostic.Create(Rule, c.Node.GetLocation(), c.ContainingSymbol?.ToDisplayString() ?? "(none)", bound ?? "(unbound)"));
            },
            SyntaxKind.InvocationExpression,
            SyntaxKind.ReturnStatement);
    }
}

/// <summary>A project-wide check in the usual shape: collect per node, report at compilation end.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CollectingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE2", "Collect", "{0} calls to Log", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: [WellKnownDiagnosticTags.CompilationEnd]);
    private static readonly DiagnosticDescriptor Tree = new("PROBE3", "Tree", "tree {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, Tree];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(c => c.ReportDiagnostic(Diagnostic.Create(Tree, Location.Create(c.Tree, default), Path.GetFileName(c.Tree.FilePath))));
        context.RegisterCompilationStartAction(start =>
        {
            var count = 0;
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (c.Node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Log" } })
                    {
                        Interlocked.Increment(ref count);
                    }
                },
                SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(end =>
            {
                var first = end.Compilation.SyntaxTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal).First();
                end.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(first, default), count));
            });
        });
    }
}

/// <summary>Throws on the file whose name contains "boom".</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE4", "Throw", "never", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (c.Node.SyntaxTree.FilePath.Contains("boom", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("analyzer bug");
                }
            },
            SyntaxKind.ClassDeclaration);
    }
}

public sealed class LazyDriverTests
{
    private const string Service = """
        using System;
        namespace Demo;
        public sealed class Service
        {
            private static readonly string Field = Make();
            private string _name = "";
            public Service() { Log("ctor"); }
            public string Name { get => Trim(_name); set { _name = Trim(value); } }
            public string Key => Make();
            public int this[int i] => Count(i);
            public static string Make() { return "x"; }
            private static string Trim(string s) => s.Trim();
            private static int Count(int i) { int Local() { return i; } Func<int> f = () => Local(); return f(); }
            private static void Log(string s) { }
            public event EventHandler? Changed { add { Log("add"); } remove { Log("remove"); } }
            public static Service operator +(Service a, Service b) { Log("op"); return a; }
            private enum Mode { A = 1 }
        }
        """;

    private const string Program = """
        using Demo;
        var s = new Service();
        Console.WriteLine(s.Name);
        Log("top");
        static void Log(string m) { }
        """;

    private const string Generated = """
        // <auto-generated/>
        namespace Demo;
        internal static class Gen { public static string G() { return System.String.Empty; } }
        """;

    private static CSharpCompilation Compile(params (string Path, string Text)[] files)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Console.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Preview), f.Path));
        return CSharpCompilation.Create("demo", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }

    private static AnalyzerOptions NoOptions => new(ImmutableArray<AdditionalText>.Empty);

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.SourceSpan} {d.GetMessage()}")
        .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Same_diagnostics_as_Roslyns_driver_including_containing_symbols_and_generated_code()
    {
        var compilation = Compile(("/src/Service.cs", Service), ("/src/Program.cs", Program), ("/src/obj/Gen.g.cs", Generated), ("/src/Header.cs", Generated));
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new SymbolProbeAnalyzer(), new CollectingAnalyzer()];

        var roslyn = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(NoOptions, null, true, false)).GetAnalyzerDiagnosticsAsync();
        var lazy = LazyAnalyzerDriver.Run(compilation, compilation.SyntaxTrees.ToList(), analyzers, analyzers.ToImmutableHashSet(), NoOptions, CancellationToken.None);

        Assert.Empty(lazy.Failures);
        Assert.Empty(lazy.Unsupported);
        Assert.Equal(Describe(roslyn), Describe(lazy.Diagnostics));
        // The probe proves something: accessors, arrows, operators and top-level statements were all visited.
        var messages = lazy.Diagnostics.Select(d => d.GetMessage()).ToList();
        Assert.Contains("Demo.Service.Name.get | Demo.Service.Trim(string)", messages);
        Assert.Contains("Demo.Service.Key.get | Demo.Service.Make()", messages);
        Assert.Contains("Demo.Service.operator +(Demo.Service, Demo.Service) | Demo.Service.Log(string)", messages);
        Assert.Contains("<top-level-statements-entry-point> | Log(string)", messages);
        Assert.Contains("Demo.Service.Field | Demo.Service.Make()", messages);
        Assert.Contains("5 calls to Log", messages);
        Assert.DoesNotContain(lazy.Diagnostics, d => d.Id == "PROBE1" && Path.GetFileName(d.Location.SourceTree!.FilePath) is "Gen.g.cs" or "Header.cs");
        Assert.Contains(lazy.Diagnostics, d => d.Id == "PROBE3" && d.Location.SourceTree!.FilePath.EndsWith("Gen.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Document_analysis_reports_only_that_tree_and_project_checks_see_every_tree()
    {
        var compilation = Compile(("/src/Service.cs", Service), ("/src/Program.cs", Program));
        var program = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Program.cs", StringComparison.Ordinal));
        var collecting = new CollectingAnalyzer();
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new SymbolProbeAnalyzer(), collecting];

        var projectWide = LazyAnalyzerDriver.Run(compilation, [program], analyzers, [collecting], NoOptions, CancellationToken.None);
        Assert.All(projectWide.Diagnostics, d => Assert.Same(program, d.Location.SourceTree));
        Assert.Contains(projectWide.Diagnostics, d => d.GetMessage() == "5 calls to Log");

        // Without the project-wide walk the end action would see a partial count: it does not run at all.
        var local = LazyAnalyzerDriver.Run(compilation, [program], analyzers, [], NoOptions, CancellationToken.None);
        Assert.DoesNotContain(local.Diagnostics, d => d.Id == "PROBE2");
        Assert.Contains(local.Diagnostics, d => d.Id == "PROBE1");
    }

    [Fact]
    public void A_throwing_analyzer_is_a_failure_for_its_tree_and_the_others_still_report()
    {
        var compilation = Compile(("/src/boom.cs", Service), ("/src/Program.cs", Program));
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new ThrowingAnalyzer(), new SymbolProbeAnalyzer()];

        var result = LazyAnalyzerDriver.Run(compilation, compilation.SyntaxTrees.ToList(), analyzers, [], NoOptions, CancellationToken.None);

        var failure = Assert.Single(result.Failures);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.EndsWith("boom.cs", failure.Tree!.FilePath, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Location.SourceTree!.FilePath.EndsWith("boom.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzers_with_operation_actions_are_handed_back()
    {
        var compilation = Compile(("/src/Program.cs", Program));
        var result = LazyAnalyzerDriver.Run(compilation, compilation.SyntaxTrees.ToList(), [new PackageSymbolAnalyzer(), new SymbolProbeAnalyzer()], [], NoOptions, CancellationToken.None);
        Assert.IsType<PackageSymbolAnalyzer>(Assert.Single(result.Unsupported));
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public async Task A_throwing_analyzer_in_a_scan_becomes_DL9003_for_that_file_only()
    {
        using var dir = new TempDir();
        dir.Write("boom.cs", "class A { void M() { Console.WriteLine(1); } }\n");
        dir.Write("ok.cs", "class B { void M() { Console.WriteLine(1); } }\n");
        var workspace = new WorkspaceAnalyzer(dir.Path, new WorkspaceOptions { Rules = new RuleRegistry([]), Analyzers = [new ThrowingAnalyzer(), new ConsoleCallAnalyzer()] });

        var result = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);

        var failure = Assert.Single(result.Findings, f => f.RuleId == "DL9003");
        Assert.Equal("boom.cs", failure.Path);
        Assert.Contains("ThrowingAnalyzer", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["boom.cs", "ok.cs"], result.Findings.Where(f => f.RuleId == "DL2003").Select(f => f.Path).Order(StringComparer.Ordinal));
    }
}

public sealed class IncrementalReparseTests
{
    private const string Original = "namespace N;\n\nclass C\n{\n    // 😀 emoji and 中文 text\n    void M() { var x = \"a\"; }\n}\n";

    [Theory]
    [InlineData(0, 0, "// header\n")]
    [InlineData(60, 0, " ")]
    [InlineData(20, 5, "")]
    [InlineData(30, 10, "string Secret = \"k\";")]
    [InlineData(0, 12, "")]
    [InlineData(-1, 0, "\nclass D { }\n")]
    [InlineData(0, -1, "class Z { }")]
    [InlineData(0, 0, "")]
    public void Incremental_tree_equals_a_fresh_parse(int start, int length, string insert)
    {
        var old = CSharpSyntaxTree.ParseText(Original, path: "/src/C.cs");
        start = start < 0 ? Original.Length : start;
        length = length < 0 ? Original.Length : length;
        var edited = Original[..start] + insert + Original[(start + length)..];

        var reparsed = CSharpAnalysisHost.Reparse(old, edited, CancellationToken.None);

        Assert.Equal(edited, reparsed.GetRoot().ToFullString());
        Assert.Equal("/src/C.cs", reparsed.FilePath);
        Assert.True(reparsed.GetRoot().IsEquivalentTo(CSharpSyntaxTree.ParseText(edited).GetRoot()));
        Assert.Equal(edited == Original, ReferenceEquals(old, reparsed));
    }
}

public sealed class LazyCSharpHostTests
{
    /// <summary>An analyzer list that records whether anyone read it: the C# host reads it when it is built.</summary>
    private sealed class WatchedAnalyzers(IReadOnlyList<DiagnosticAnalyzer> inner) : IReadOnlyList<DiagnosticAnalyzer>
    {
        public bool Read { get; private set; }

        public int Count => inner.Count;

        public DiagnosticAnalyzer this[int index] => inner[index];

        public IEnumerator<DiagnosticAnalyzer> GetEnumerator()
        {
            Read = true;
            return inner.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public async Task The_CSharp_host_is_built_only_when_a_CSharp_file_is_scanned()
    {
        using var dir = new TempDir();
        dir.Write("deploy/Dockerfile", "FROM ubuntu:latest\n");
        var analyzers = new WatchedAnalyzers([new ConsoleCallAnalyzer()]);
        var workspace = new WorkspaceAnalyzer(dir.Path, new WorkspaceOptions { Rules = new RuleRegistry([]), Analyzers = analyzers });

        await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.False(analyzers.Read);

        dir.Write("src/Program.cs", "class P { void M() { Console.WriteLine(1); } }\n");
        var result = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.True(analyzers.Read);
        Assert.Single(result.Findings, f => f.RuleId == "DL2003");
    }
}
