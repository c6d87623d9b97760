using System.Collections.Immutable;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;
using DevOpsLens.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using RoslynTextSpan = Microsoft.CodeAnalysis.Text.TextSpan;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// The C# quick fixes of DevOpsLens.Analyzers.CodeFixes as engine <see cref="TextFix"/>es: the document is loaded
/// into an ad-hoc Roslyn workspace, each CodeFixProvider for the rule registers its actions, and the changes an
/// action makes to that one document become text edits. Actions that touch other files are not offered.
/// </summary>
public sealed class RoslynCodeFixSource : IFixSource
{
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> Providers = new(LoadProviders);
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding, CancellationToken cancellationToken)
    {
        if (document.Kind != DocumentKind.CSharp)
        {
            return Array.Empty<TextFix>();
        }

        var providers = Providers.Value.Where(p => p.FixableDiagnosticIds.Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase)).ToList();
        if (providers.Count == 0)
        {
            return Array.Empty<TextFix>();
        }

        return Task.Run(() => GetFixesAsync(document, finding, providers, cancellationToken), cancellationToken).GetAwaiter().GetResult();
    }

    private static async Task<IReadOnlyList<TextFix>> GetFixesAsync(DocumentContext context, Finding finding, IReadOnlyList<CodeFixProvider> providers, CancellationToken cancellationToken)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "fix", "fix", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: References.Value))
            .AddDocument(documentId, Path.GetFileName(context.Path), context.Text, filePath: context.Path);
        var document = solution.GetDocument(documentId)!;
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return Array.Empty<TextFix>();
        }

        var start = Math.Min(finding.Range.Start, context.Text.Length);
        var span = new RoslynTextSpan(start, Math.Min(finding.Range.Length, context.Text.Length - start));
        var descriptor = new DiagnosticDescriptor(finding.RuleId, finding.RuleId, finding.Message, "DevOpsLens", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, span), finding.Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value));

        var actions = new List<CodeAction>();
        foreach (var provider in providers)
        {
            try
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failing provider must not hide the others' fixes or the suppression actions.
            }
        }

        var fixes = new List<TextFix>();
        foreach (var action in actions)
        {
            var edits = await EditsAsync(action, document, cancellationToken).ConfigureAwait(false);
            if (edits is { Count: > 0 })
            {
                fixes.Add(new TextFix(action.Title, edits, action.EquivalenceKey));
            }
        }

        return fixes;
    }

    private static async Task<IReadOnlyList<Engine.Rules.TextEdit>?> EditsAsync(CodeAction action, Document document, CancellationToken cancellationToken)
    {
        try
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is null)
            {
                return null;
            }

            var changes = apply.ChangedSolution.GetChanges(document.Project.Solution);
            var projectChanges = changes.GetProjectChanges().ToList();
            if (projectChanges.Count != 1 || projectChanges[0].GetChangedDocuments().Any(id => id != document.Id) || projectChanges[0].GetAddedDocuments().Any())
            {
                return null;
            }

            var changed = apply.ChangedSolution.GetDocument(document.Id);
            if (changed is null)
            {
                return null;
            }

            var textChanges = await changed.GetTextChangesAsync(document, cancellationToken).ConfigureAwait(false);
            return textChanges.Select(c => new Engine.Rules.TextEdit(new TextRange(c.Span.Start, c.Span.Length), c.NewText ?? string.Empty)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static ImmutableArray<CodeFixProvider> LoadProviders() =>
        typeof(DevOpsLens.Analyzers.CodeFixes.ReplaceSecretWithConfigurationCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The running framework's assemblies: enough for the fixes' semantic checks (IConfiguration in scope…).</summary>
    private static ImmutableArray<MetadataReference> LoadReferences() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
}
