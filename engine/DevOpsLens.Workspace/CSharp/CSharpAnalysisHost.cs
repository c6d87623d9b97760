using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DevOpsLens.Workspace.CSharp;

/// <summary>One C# source file handed to the host: repository-relative path, full path, text.</summary>
internal sealed record CSharpSource(string RelativePath, string FullPath, string Text);

/// <summary>
/// Runs the DevOpsLens Roslyn analyzers in-process, the way <c>dotnet build</c> would, without a build: one
/// compilation per project (the C# files under the nearest .csproj folder), referencing the running runtime's
/// framework assemblies, with the .editorconfig options passed through an <see cref="AnalyzerConfigOptionsProvider"/>.
/// Diagnostics become findings through <see cref="DocumentAnalyzer.Finish"/>, so severities, inline suppressions
/// and fingerprints agree with every other file type; <c>#pragma warning disable</c> and <c>[SuppressMessage]</c>
/// are honoured by Roslyn and kept as suppressed findings.
/// </summary>
internal sealed class CSharpAnalysisHost
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetReferences = new(LoadAspNetReferences);
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    private readonly string _root;
    private readonly Func<string, RuleOptions> _optionsFor;
    private readonly ConcurrentDictionary<string, ProjectState> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _projectDirectories = new(StringComparer.Ordinal);

    public CSharpAnalysisHost(string root, ImmutableArray<DiagnosticAnalyzer> analyzers, Func<string, RuleOptions> optionsFor)
    {
        _root = root;
        Analyzers = analyzers;
        _projectAnalyzers = analyzers.Where(a => SafeSupported(a).Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))).ToImmutableArray();
        _optionsFor = optionsFor;
        CoveredRuleIds = analyzers
            .SelectMany(a => SafeSupported(a))
            .Select(d => d.Id)
            .Where(id => RuleCatalog.TryGet(id, out _))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Projects up to this size get their project-wide (compilation-end) checks on every document edit.</summary>
    public const int MaxTreesForProjectChecksPerEdit = 200;

    private readonly ImmutableArray<DiagnosticAnalyzer> _projectAnalyzers;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public bool IsEnabled => !Analyzers.IsDefaultOrEmpty;

    /// <summary>Rules the analyzers report: the engine's own checks skip these on C# files, so nothing is reported twice.</summary>
    public IReadOnlySet<string> CoveredRuleIds { get; }

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> in DevOpsLens.Analyzers, found by reflection.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadProductAnalyzers()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName("DevOpsLens.Analyzers"));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.Where(t => t != null).ToArray()!;
        }

        return types
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0 && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>The folder of the nearest .csproj above the file (up to the root), or the root for loose files.</summary>
    public string GetProjectDirectory(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? _root;
        return _projectDirectories.GetOrAdd(directory, d =>
        {
            for (var current = d; current != null; current = Path.GetDirectoryName(current))
            {
                try
                {
                    if (Directory.Exists(current) && Directory.EnumerateFiles(current, "*.csproj").Any())
                    {
                        return current;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // An unreadable folder just is not a project folder.
                }

                if (string.Equals(current.TrimEnd(Path.DirectorySeparatorChar), _root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    break;
                }
            }

            return _root;
        });
    }

    /// <summary>Analyzes whole projects (a scan): every source in one compilation per project.</summary>
    public async Task<IReadOnlyList<Finding>> AnalyzeSourcesAsync(IReadOnlyList<CSharpSource> sources, CancellationToken cancellationToken)
    {
        var byProject = sources.GroupBy(s => GetProjectDirectory(s.FullPath), StringComparer.Ordinal).ToList();
        var results = new ConcurrentBag<Finding>();
        await Parallel.ForEachAsync(byProject, cancellationToken, async (project, ct) =>
        {
            var files = project.ToList();
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.FullPath, cancellationToken: ct)).ToList();
            var compilation = CreateCompilation(project.Key, trees);
            foreach (var finding in await RunAsync(compilation, files, documentTree: null, ct).ConfigureAwait(false))
            {
                results.Add(finding);
            }
        }).ConfigureAwait(false);
        return results.ToList();
    }

    /// <summary>Analyzes one open document inside its cached project, replacing that file's syntax tree.</summary>
    public async Task<IReadOnlyList<Finding>> AnalyzeDocumentAsync(CSharpSource source, Func<string, IReadOnlyList<CSharpSource>> loadProject, CancellationToken cancellationToken)
    {
        var projectDir = GetProjectDirectory(source.FullPath);
        var state = _projects.GetOrAdd(projectDir, dir => new ProjectState(dir));
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.Compilation == null)
            {
                var sources = loadProject(projectDir).Where(s => !string.Equals(s.FullPath, source.FullPath, StringComparison.Ordinal)).ToList();
                foreach (var s in sources)
                {
                    state.Sources[s.FullPath] = s;
                }

                state.Compilation = CreateCompilation(projectDir, sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.FullPath, cancellationToken: cancellationToken)).ToList());
            }

            var oldTree = state.Compilation.SyntaxTrees.FirstOrDefault(t => string.Equals(t.FilePath, source.FullPath, StringComparison.Ordinal));
            var newTree = oldTree != null
                ? Reparse(oldTree, source.Text, cancellationToken)
                : CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.FullPath, cancellationToken: cancellationToken);
            if (oldTree == null)
            {
                state.Compilation = state.Compilation.AddSyntaxTrees(newTree);
            }
            else if (!ReferenceEquals(oldTree, newTree))
            {
                state.Compilation = state.Compilation.ReplaceSyntaxTree(oldTree, newTree);
            }

            state.Sources[source.FullPath] = source;
            var compilation = state.Compilation;
            var findings = await RunAsync(compilation, [source], newTree, cancellationToken).ConfigureAwait(false);
            return findings;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// The edited file's new tree, parsed incrementally: the text is diffed against the previous version (common prefix
    /// and suffix, one replaced span, which is what a keystroke or a paste is), so Roslyn re-parses only around the
    /// edit and reuses the rest of the tree.
    /// </summary>
    internal static SyntaxTree Reparse(SyntaxTree oldTree, string newText, CancellationToken cancellationToken)
    {
        var oldText = oldTree.GetText(cancellationToken);
        var old = oldText.ToString();
        var max = Math.Min(old.Length, newText.Length);
        var prefix = 0;
        while (prefix < max && old[prefix] == newText[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < max - prefix && old[old.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }

        if (prefix == old.Length && prefix == newText.Length)
        {
            return oldTree;
        }

        var change = new Microsoft.CodeAnalysis.Text.TextChange(
            new Microsoft.CodeAnalysis.Text.TextSpan(prefix, old.Length - prefix - suffix),
            newText.Substring(prefix, newText.Length - prefix - suffix));
        return oldTree.WithChangedText(oldText.WithChanges(change));
    }

    /// <summary>Forget cached projects (a .csproj or file set changed).</summary>
    public void Invalidate()
    {
        _projects.Clear();
        _projectDirectories.Clear();
    }

    private CSharpCompilation CreateCompilation(string projectDirectory, IReadOnlyList<SyntaxTree> trees)
    {
        var references = FrameworkReferences.Value;
        var allTrees = trees.ToList();
        var project = ReadProjectFile(projectDirectory);
        if (project.UsesExtensions)
        {
            references = references.AddRange(AspNetReferences.Value);
        }

        references = references.AddRange(PackageReferences(projectDirectory, references));

        if (project.ImplicitUsings)
        {
            allTrees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings(project.Sdk), ParseOptions, Path.Combine(projectDirectory, "obj", "DevOpsLens.ImplicitUsings.g.cs")));
        }

        var specific = Analyzers
            .SelectMany(SafeSupported)
            .Where(d => RuleCatalog.TryGet(d.Id, out _))
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn));

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
            .WithSpecificDiagnosticOptions(specific);
        return CSharpCompilation.Create(project.AssemblyName ?? Path.GetFileName(projectDirectory) ?? "project", allTrees, references, options);
    }

    /// <summary>
    /// A scan analyzes every tree of the compilation. A document (<paramref name="documentTree"/>) gets the analysis of
    /// that tree only; analyzers with compilation-end diagnostics (the project-wide checks) still walk the whole
    /// compilation, but only for projects small enough to re-analyze on every edit — larger projects get those from a
    /// scan or the build. The analyzers run on <see cref="LazyAnalyzerDriver"/>, which binds only what they ask about;
    /// any analyzer it cannot run goes through Roslyn's driver.
    /// </summary>
    private async Task<IReadOnlyList<Finding>> RunAsync(CSharpCompilation compilation, IReadOnlyList<CSharpSource> reportFor, SyntaxTree? documentTree, CancellationToken cancellationToken)
    {
        var byPath = reportFor.ToDictionary(s => s.FullPath, StringComparer.Ordinal);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ResolverOptionsProvider(path => _optionsFor(path)));
        var reportTrees = documentTree != null
            ? [documentTree]
            : compilation.SyntaxTrees.Where(t => byPath.ContainsKey(t.FilePath)).ToList();
        var projectWide = documentTree == null || compilation.SyntaxTrees.Count() <= MaxTreesForProjectChecksPerEdit;

        var diagnostics = new List<(Diagnostic Diagnostic, bool Suppressed)>();
        var failures = new List<(string Path, RawReport Report)>();
        try
        {
            var lazy = await Task.Run(
                () => LazyAnalyzerDriver.Run(compilation, reportTrees, Analyzers, projectWide ? _projectAnalyzers.ToImmutableHashSet() : [], analyzerOptions, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(ApplySuppressions(lazy.Diagnostics, compilation));
            foreach (var failure in lazy.Failures)
            {
                var report = FailureReport(failure.Analyzer.GetType().Name, failure.Exception);
                foreach (var tree in failure.Tree != null ? [failure.Tree] : reportTrees)
                {
                    failures.Add((tree.FilePath, report));
                }
            }

            if (!lazy.Unsupported.IsEmpty)
            {
                diagnostics.AddRange((await RoslynDriverAsync(compilation, lazy.Unsupported, analyzerOptions, documentTree, projectWide, cancellationToken).ConfigureAwait(false))
                    .Select(d => (d, d.IsSuppressed)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The driver itself failed: report once per file, the engine's rules still ran.
            return reportFor.SelectMany(s => Failure(s, "DevOpsLens.Analyzers", ex)).ToList();
        }

        var raw = new Dictionary<string, List<(RawReport Report, bool Suppressed)>>(StringComparer.Ordinal);
        foreach (var (path, report) in failures)
        {
            if (byPath.ContainsKey(path))
            {
                Add(raw, path, (report, false));
            }
        }

        foreach (var (diagnostic, isSuppressed) in diagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            var path = tree?.FilePath;
            if (path == null || !byPath.ContainsKey(path))
            {
                continue;
            }

            RawReport report;
            if (diagnostic.Id == "AD0001")
            {
                report = new RawReport(RuleCatalog.RuleFailure, new TextRange(0, 0), RuleCatalog.RuleFailure.FormatMessage("analyzer", FirstLine(diagnostic.GetMessage(CultureInfo.InvariantCulture))), "AD0001", null);
            }
            else if (RuleCatalog.TryGet(diagnostic.Id, out var rule) && rule != null)
            {
                var span = diagnostic.Location.SourceSpan;
                diagnostic.Properties.TryGetValue("FingerprintContent", out var fingerprintContent);
                var properties = diagnostic.Properties
                    .Where(p => p.Value != null && p.Key != "FingerprintContent")
                    .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
                report = new RawReport(rule, new TextRange(span.Start, span.Length), diagnostic.GetMessage(CultureInfo.InvariantCulture), fingerprintContent, properties.Count == 0 ? null : properties);
            }
            else
            {
                continue;
            }

            Add(raw, path, (report, isSuppressed));
        }

        var findings = new List<Finding>();
        foreach (var (path, reports) in raw)
        {
            var source = byPath[path];
            var document = new DocumentContext(source.RelativePath, source.Text, _optionsFor(source.FullPath), cancellationToken);
            var suppressed = reports.Where(r => r.Suppressed).Select(r => (r.Report.Rule.Id, r.Report.Range)).ToHashSet();
            foreach (var finding in DocumentAnalyzer.Finish(document, reports.Select(r => r.Report)))
            {
                findings.Add(!finding.IsSuppressed && suppressed.Contains((finding.RuleId, finding.Range))
                    ? finding.With(suppression: SuppressionKind.Pragma, justification: "#pragma warning disable or [SuppressMessage]")
                    : finding);
            }
        }

        return findings;
    }

    private static void Add(Dictionary<string, List<(RawReport Report, bool Suppressed)>> raw, string path, (RawReport Report, bool Suppressed) entry)
    {
        if (!raw.TryGetValue(path, out var list))
        {
            raw[path] = list = [];
        }

        list.Add(entry);
    }

    /// <summary>
    /// <c>#pragma warning disable</c> and <c>[SuppressMessage]</c>, applied by Roslyn's own filter. A suppressed
    /// diagnostic is kept and marked, as Roslyn's driver does with <c>reportSuppressedDiagnostics</c>.
    /// </summary>
    private static IEnumerable<(Diagnostic Diagnostic, bool Suppressed)> ApplySuppressions(IReadOnlyList<Diagnostic> diagnostics, Compilation compilation)
    {
        if (diagnostics.Count == 0)
        {
            return [];
        }

        var effective = CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics, compilation)
            .Where(d => !d.IsSuppressed)
            .Select(d => (d.Id, d.Location.SourceTree, d.Location.SourceSpan))
            .ToHashSet();
        return diagnostics.Select(d => (d, !effective.Contains((d.Id, d.Location.SourceTree, d.Location.SourceSpan)))).ToList();
    }

    /// <summary>Roslyn's driver, for analyzers that register actions <see cref="LazyAnalyzerDriver"/> does not run.</summary>
    private static async Task<ImmutableArray<Diagnostic>> RoslynDriverAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions analyzerOptions, SyntaxTree? documentTree, bool projectWide, CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        if (documentTree == null)
        {
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        var syntax = await withAnalyzers.GetAnalysisResultAsync(documentTree, cancellationToken).ConfigureAwait(false);
        var semantic = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(documentTree), null, cancellationToken).ConfigureAwait(false);
        var diagnostics = syntax.GetAllDiagnostics().AddRange(semantic.GetAllDiagnostics());
        var project = analyzers.Where(a => SafeSupported(a).Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))).ToImmutableArray();
        if (projectWide && !project.IsEmpty)
        {
            var result = await withAnalyzers.GetAnalysisResultAsync(project, cancellationToken).ConfigureAwait(false);
            diagnostics = diagnostics.AddRange(result.GetAllDiagnostics().Where(d => d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)));
        }

        return diagnostics.Distinct().ToImmutableArray();
    }

    private static RawReport FailureReport(string what, Exception ex) =>
        new(RuleCatalog.RuleFailure, new TextRange(0, 0), RuleCatalog.RuleFailure.FormatMessage(what, ex.GetType().Name + ": " + FirstLine(ex.Message)), what + ":" + ex.GetType().FullName, null);

    private IEnumerable<Finding> Failure(CSharpSource source, string what, Exception ex)
    {
        var document = new DocumentContext(source.RelativePath, source.Text, _optionsFor(source.FullPath));
        return DocumentAnalyzer.Finish(document, [FailureReport(what, ex)]);
    }

    private static IEnumerable<DiagnosticDescriptor> SafeSupported(DiagnosticAnalyzer analyzer)
    {
        try
        {
            return analyzer.SupportedDiagnostics;
        }
        catch (Exception)
        {
            return [];
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? message[..newline] : message;
    }

    /// <summary>
    /// What the compilation needs from the project file. <c>UsesExtensions</c>: the project reaches ASP.NET Core or
    /// Microsoft.Extensions.* (web and worker SDKs, or packages such as Microsoft.Extensions.Hosting that we cannot
    /// restore here), so the ASP.NET Core shared framework, which carries those assemblies, resolves its symbols.
    /// A plain console tool does not get them: the service rules (DL2003, DL2004) must not mistake it for a service.
    /// Loose files with no project get them, to resolve as much as possible.
    /// </summary>
    private static (bool ImplicitUsings, ProjectSdk Sdk, bool UsesExtensions, string? AssemblyName) ReadProjectFile(string projectDirectory)
    {
        try
        {
            var csproj = Directory.EnumerateFiles(projectDirectory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (csproj == null)
            {
                return (true, ProjectSdk.Plain, true, null);
            }

            var text = File.ReadAllText(csproj);
            // The project's own setting wins; otherwise MSBuild takes it from the nearest Directory.Build.props.
            var implicitUsings = ImplicitUsingsSetting(text) ?? ImplicitUsingsFromDirectoryBuildProps(projectDirectory) ?? false;
            var sdk = text.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Web
                : text.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Worker
                : ProjectSdk.Plain;
            var extensions = sdk != ProjectSdk.Plain
                || text.Contains("Include=\"Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Include=\"Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)
                || text.Contains("FrameworkReference Include=\"Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase);
            // MSBuild names the assembly after the project file unless <AssemblyName> says otherwise; analyzers read it
            // (test projects are recognised by name when their test framework is not restored).
            var assemblyName = System.Text.RegularExpressions.Regex.Match(
                text,
                @"<AssemblyName>\s*([A-Za-z0-9_.\-]+)\s*</AssemblyName>",
                System.Text.RegularExpressions.RegexOptions.NonBacktracking) is { Success: true } named
                ? named.Groups[1].Value
                : Path.GetFileNameWithoutExtension(csproj);
            return (implicitUsings, sdk, extensions, assemblyName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (false, ProjectSdk.Plain, false, null);
        }
    }

    private static bool? ImplicitUsingsSetting(string projectText)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            projectText,
            @"<ImplicitUsings>\s*(\w+)\s*</ImplicitUsings>",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        return match.Success ? match.Groups[1].Value.Equals("enable", StringComparison.OrdinalIgnoreCase) || match.Groups[1].Value.Equals("true", StringComparison.OrdinalIgnoreCase) : null;
    }

    private static bool? ImplicitUsingsFromDirectoryBuildProps(string projectDirectory)
    {
        for (var dir = new DirectoryInfo(projectDirectory); dir != null; dir = dir.Parent)
        {
            var props = Path.Combine(dir.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                // Like MSBuild, only the nearest file is imported automatically.
                return ImplicitUsingsSetting(File.ReadAllText(props));
            }
        }

        return null;
    }

    /// <summary>The global usings each SDK generates when ImplicitUsings is on (the Web SDK's set includes the Worker SDK's).</summary>
    private static string ImplicitUsings(ProjectSdk sdk)
    {
        var namespaces = new List<string> { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };
        if (sdk != ProjectSdk.Plain)
        {
            namespaces.AddRange(["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"]);
        }

        if (sdk == ProjectSdk.Web)
        {
            namespaces.AddRange(["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing"]);
        }

        return string.Concat(namespaces.Select(n => "global using global::" + n + ";\n"));
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => frameworkDir != null && string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal));
        return CreateReferences(tpa);
    }

    private static ImmutableArray<MetadataReference> LoadAspNetReferences()
    {
        // shared/Microsoft.NETCore.App/<v>/ → shared/Microsoft.AspNetCore.App/<highest v>/, when the runtime has it.
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = frameworkDir == null ? null : Path.GetDirectoryName(Path.GetDirectoryName(frameworkDir));
        var aspnet = shared == null ? null : Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (aspnet == null || !Directory.Exists(aspnet))
        {
            return ImmutableArray<MetadataReference>.Empty;
        }

        var version = Directory.EnumerateDirectories(aspnet)
            .Select(d => (Dir: d, Ok: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v), V: v))
            .Where(x => x.Ok)
            .OrderByDescending(x => x.V)
            .FirstOrDefault();
        return version.Dir == null ? ImmutableArray<MetadataReference>.Empty : CreateReferences(Directory.EnumerateFiles(version.Dir, "*.dll"));
    }

    /// <summary>
    /// Compile-time assemblies of the project's NuGet packages, when the project was restored: obj/project.assets.json
    /// (or artifacts/obj/&lt;project&gt;/ with UseArtifactsOutput). Without a restore the analyzers still run; symbols from
    /// packages (ILogger, …) are then unresolved, as in an IDE before restore.
    /// </summary>
    private ImmutableArray<MetadataReference> PackageReferences(string projectDirectory, ImmutableArray<MetadataReference> existing)
    {
        var assets = FindAssetsFile(projectDirectory);
        if (assets == null)
        {
            return ImmutableArray<MetadataReference>.Empty;
        }

        var known = existing.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(assets));
            var root = json.RootElement;
            var folder = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).FirstOrDefault();
            var target = root.GetProperty("targets").EnumerateObject().FirstOrDefault();
            if (folder == null || target.Value.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return ImmutableArray<MetadataReference>.Empty;
            }

            var libraries = root.GetProperty("libraries");
            foreach (var package in target.Value.EnumerateObject())
            {
                if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package"
                    || !package.Value.TryGetProperty("compile", out var compile)
                    || !libraries.TryGetProperty(package.Name, out var library) || !library.TryGetProperty("path", out var libraryPath))
                {
                    continue;
                }

                foreach (var asset in compile.EnumerateObject())
                {
                    if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && known.Add(Path.GetFileName(asset.Name)))
                    {
                        var full = Path.Combine(folder, libraryPath.GetString()!, asset.Name);
                        if (File.Exists(full))
                        {
                            paths.Add(full);
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A stale or foreign assets file only costs symbol resolution, never the scan.
            return ImmutableArray<MetadataReference>.Empty;
        }

        return CreateReferences(paths);
    }

    private string? FindAssetsFile(string projectDirectory)
    {
        var local = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (File.Exists(local))
        {
            return local;
        }

        var csproj = Directory.EnumerateFiles(projectDirectory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        if (csproj == null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(csproj);
        for (var current = projectDirectory; current != null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, "artifacts", "obj", name, "project.assets.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (string.Equals(current.TrimEnd(Path.DirectorySeparatorChar), _root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                break;
            }
        }

        return null;
    }

    private static ImmutableArray<MetadataReference> CreateReferences(IEnumerable<string> paths)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            try
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
            catch (Exception ex) when (ex is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                // Native or unreadable files in the framework folder are not references.
            }
        }

        return builder.ToImmutable();
    }

    private sealed class ProjectState(string directory)
    {
        public string Directory { get; } = directory;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CSharpCompilation? Compilation { get; set; }

        public Dictionary<string, CSharpSource> Sources { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>Hands Roslyn the same resolved .editorconfig values the engine uses, per syntax tree.</summary>
internal sealed class ResolverOptionsProvider(Func<string, RuleOptions> optionsFor) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(optionsFor(tree.FilePath).Values);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(optionsFor(textFile.Path).Values);

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>The project SDK, which decides the implicit global usings.</summary>
internal enum ProjectSdk
{
    Plain,
    Worker,
    Web,
}
