using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Compose;

/// <summary>A service of a docker-compose file.</summary>
internal sealed class ComposeService
{
    public ComposeService(YScalar key, YMap map)
    {
        Key = key;
        Map = map;
    }

    public YScalar Key { get; }

    public YMap Map { get; }

    public string Name => Key.Value;

    /// <summary><c>environment:</c> as a map (<c>KEY: value</c>) or a list (<c>- KEY=value</c>); the node is the value's span.</summary>
    public IEnumerable<(string Name, string Value, YNode Node)> Environment()
    {
        switch (Map["environment"])
        {
            case YMap map:
                foreach (var pair in map.Entries)
                {
                    if (pair.KeyText is { } name && pair.Value is YScalar value && !value.IsNull)
                    {
                        yield return (name, value.Value, value);
                    }
                }

                break;
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    if (item is YScalar entry && entry.Value.IndexOf('=') is var eq && eq > 0)
                    {
                        yield return (entry.Value.Substring(0, eq).Trim(), entry.Value.Substring(eq + 1), entry);
                    }
                }

                break;
        }
    }

    /// <summary>Container-side ports of <c>ports:</c> ("8080:80" → 80, "80", { target: 80 }).</summary>
    public IEnumerable<(int Port, YNode Node)> ContainerPorts()
    {
        foreach (var item in Map.Seq("ports")?.Items ?? Enumerable.Empty<YNode>())
        {
            if (item is YMap longForm && int.TryParse(longForm.Str("target"), out var target))
            {
                yield return (target, longForm["target"]!);
            }
            else if (item is YScalar shortForm)
            {
                var text = shortForm.Value;
                var slash = text.IndexOf('/');
                if (slash >= 0)
                {
                    text = text.Substring(0, slash);
                }

                var colon = text.LastIndexOf(':');
                if (int.TryParse(colon >= 0 ? text.Substring(colon + 1) : text, out var port))
                {
                    yield return (port, shortForm);
                }
            }
        }
    }
}

internal static class ComposeFile
{
    public static IReadOnlyList<ComposeService> Services(DocumentContext document) =>
        document.GetOrAdd("iac.compose", d =>
        {
            var list = new List<ComposeService>();
            if (YamlFlavors.GetFileFlavor(d) != YamlFlavor.Compose)
            {
                return list;
            }

            foreach (var pair in YamlFile.Get(d).Documents[0].RootMap?.Map("services")?.Entries ?? Enumerable.Empty<YPair>())
            {
                if (pair.Key is YScalar key && pair.Value is YMap map)
                {
                    list.Add(new ComposeService(key, map));
                }
            }

            return list;
        });
}
