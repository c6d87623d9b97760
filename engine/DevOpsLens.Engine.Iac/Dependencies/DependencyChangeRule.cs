using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Dependencies;

/// <summary>
/// DL3042 (major-version bump) and DL3043 (package added or removed) for a change of a project or central
/// package file. Additions and bumps sit on the new entry; a removal has no line left in the new file and is
/// reported at its start (or on the old entry when the whole file was deleted).
/// </summary>
internal sealed class DependencyChangeRule : IChangeRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MajorVersionBump, RuleCatalog.DependencySetChanged };

    public bool AppliesTo(string path) => PackageFile.IsPackageFile(path);

    public void Analyze(DocumentContext? before, DocumentContext? after, IReportSink sink)
    {
        var old = Index(before);
        var now = Index(after);
        if ((before != null && old == null) || (after != null && now == null))
        {
            return;
        }

        old ??= new Dictionary<string, PackageEntry>(StringComparer.OrdinalIgnoreCase);
        now ??= new Dictionary<string, PackageEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in now.Values)
        {
            if (!old.TryGetValue(entry.Id, out var previous))
            {
                var what = entry.Version != null ? "added at " + entry.Version : "added";
                sink.Report(RuleCatalog.DependencySetChanged, entry.IdRange, RuleCatalog.DependencySetChanged.FormatMessage(entry.Id, what), entry.Id + " added");
                continue;
            }

            var from = NuGetVersions.MajorOf(previous.Version);
            var to = NuGetVersions.MajorOf(entry.Version);
            if (from != null && to != null && to > from && entry.VersionRange is TextRange range)
            {
                sink.Report(RuleCatalog.MajorVersionBump, range, RuleCatalog.MajorVersionBump.FormatMessage(entry.Id, previous.Version, entry.Version), entry.Id + " " + previous.Version + "->" + entry.Version);
            }
        }

        foreach (var entry in old.Values)
        {
            if (!now.ContainsKey(entry.Id))
            {
                var range = after == null ? entry.IdRange : new TextRange(0, 0);
                sink.Report(RuleCatalog.DependencySetChanged, range, RuleCatalog.DependencySetChanged.FormatMessage(entry.Id, "removed"), entry.Id + " removed");
            }
        }
    }

    /// <summary>Packages by id (the first entry wins); null when the file could not be parsed.</summary>
    private static Dictionary<string, PackageEntry>? Index(DocumentContext? document)
    {
        if (document == null)
        {
            return null;
        }

        var file = PackageFile.Get(document);
        if (file.Error != null)
        {
            return null;
        }

        var map = new Dictionary<string, PackageEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file.Packages)
        {
            if (!map.ContainsKey(entry.Id))
            {
                map[entry.Id] = entry;
            }
        }

        return map;
    }
}
