using System.Xml;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Dependencies;

/// <summary>A package reference or central version, with the spans of its id and version values.</summary>
internal sealed class PackageEntry
{
    public PackageEntry(string id, TextRange idRange, string? version, TextRange? versionRange, bool developmentOnly)
    {
        Id = id;
        IdRange = idRange;
        Version = version;
        VersionRange = versionRange;
        DevelopmentOnly = developmentOnly;
    }

    public string Id { get; }

    public TextRange IdRange { get; }

    public string? Version { get; }

    public TextRange? VersionRange { get; }

    /// <summary><c>PrivateAssets="all"</c>: analyzers and build tools that do not ship with the app.</summary>
    public bool DevelopmentOnly { get; }
}

/// <summary>The packages of a project file, Directory.Packages.props or Directory.Build.props.</summary>
internal sealed class PackageFile
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj", ".props", ".targets" };

    /// <summary>Packages only a test project references: the VSTest host and test frameworks that bring their own runner.</summary>
    private static readonly HashSet<string> TestPlatformPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.NET.Test.Sdk", "xunit.v3", "TUnit", "MSTest", "Microsoft.Testing.Platform",
    };

    private PackageFile(IReadOnlyList<PackageEntry> packages, bool isTestProject, string? error, int errorOffset)
    {
        Packages = packages;
        IsTestProject = isTestProject;
        Error = error;
        ErrorOffset = errorOffset;
    }

    public IReadOnlyList<PackageEntry> Packages { get; }

    public bool IsTestProject { get; }

    public string? Error { get; }

    public int ErrorOffset { get; }

    public static bool IsPackageFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase) || name.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Build.targets", StringComparison.OrdinalIgnoreCase);
    }

    public static PackageFile Get(DocumentContext document) => document.GetOrAdd("iac.packages", d => Parse(d.Path, d.Text, d.Lines));

    public static PackageFile Parse(string path, string text, LineMap lines)
    {
        var packages = new List<PackageEntry>();
        var isTest = LooksLikeTestPath(path);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 20_000_000 };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            PendingElement? pending = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    if (name == "Project" && reader.GetAttribute("Sdk") is { } sdk && sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase))
                    {
                        // MSTest.Sdk projects are test projects without a Microsoft.NET.Test.Sdk reference.
                        isTest = true;
                    }

                    if (name is "PackageReference" or "PackageVersion" or "GlobalPackageReference")
                    {
                        var element = ReadAttributes(reader, info, text, lines);

                        // NuGet gives a GlobalPackageReference PrivateAssets="all" and only analyzer and build assets.
                        element.DevelopmentOnly |= name == "GlobalPackageReference";
                        if (element.Id != null)
                        {
                            if (reader.IsEmptyElement)
                            {
                                packages.Add(element.ToEntry());
                            }
                            else
                            {
                                pending = element;
                            }
                        }
                    }
                    else if (pending != null && name is "Version" or "VersionOverride" && !reader.IsEmptyElement)
                    {
                        reader.Read();
                        if (reader.NodeType == XmlNodeType.Text)
                        {
                            var start = Offset(lines, info);
                            pending.Version = reader.Value.Trim();
                            var lead = reader.Value.Length - reader.Value.TrimStart().Length;
                            pending.VersionRange = new TextRange(start + lead, pending.Version.Length);
                        }
                    }
                    else if (pending != null && name == "PrivateAssets" && !reader.IsEmptyElement)
                    {
                        pending.DevelopmentOnly = reader.ReadElementContentAsString().Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (name == "IsTestProject" && !reader.IsEmptyElement && reader.ReadElementContentAsString().Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        isTest = true;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && pending != null && reader.LocalName is "PackageReference" or "PackageVersion" or "GlobalPackageReference")
                {
                    packages.Add(pending.ToEntry());
                    pending = null;
                }
            }
        }
        catch (XmlException ex)
        {
            var offset = lines.GetOffset(new LinePosition(Math.Max(0, ex.LineNumber - 1), Math.Max(0, ex.LinePosition - 1)));
            return new PackageFile(Array.Empty<PackageEntry>(), isTest, ex.Message, offset);
        }

        if (packages.Any(p => TestPlatformPackages.Contains(p.Id)) && !path.EndsWith(".props", StringComparison.OrdinalIgnoreCase))
        {
            isTest = true;
        }

        return new PackageFile(packages, isTest, null, 0);
    }

    /// <summary>
    /// A project or folder that never ships: tests (<c>Orders.Tests</c>, <c>Orders.FunctionalTests</c>,
    /// <c>Orders.TestUtilities</c>, <c>tests/</c>), specs, benchmarks, samples and examples.
    /// </summary>
    private static bool LooksLikeTestPath(string path)
    {
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            var s = segment.ToLowerInvariant();
            foreach (var ext in ProjectExtensions)
            {
                if (s.EndsWith(ext, StringComparison.Ordinal))
                {
                    s = s.Substring(0, s.Length - ext.Length);
                }
            }

            if (s is "samples" or "sample" or "examples" or "example")
            {
                return true;
            }

            foreach (var part in s.Split('.', '-', '_'))
            {
                if (part is "test" or "spec" or "specs" or "benchmark" or "benchmarks" || part.EndsWith("tests", StringComparison.Ordinal)
                    || part.StartsWith("test", StringComparison.Ordinal) && part.Length > 4 && !part.StartsWith("testament", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static PendingElement ReadAttributes(XmlReader reader, IXmlLineInfo info, string text, LineMap lines)
    {
        var element = new PendingElement();
        if (!reader.MoveToFirstAttribute())
        {
            return element;
        }

        do
        {
            var attrOffset = Offset(lines, info);
            var valueStart = ValueStart(text, attrOffset);
            switch (reader.LocalName)
            {
                case "Include" or "Update":
                    element.Id ??= reader.Value;
                    element.IdRange = new TextRange(valueStart, reader.Value.Length);
                    break;
                case "Version" or "VersionOverride":
                    element.Version = reader.Value;
                    element.VersionRange = new TextRange(valueStart, reader.Value.Length);
                    break;
                case "PrivateAssets":
                    element.DevelopmentOnly = reader.Value.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
        return element;
    }

    private static int Offset(LineMap lines, IXmlLineInfo info) => lines.GetOffset(new LinePosition(info.LineNumber - 1, info.LinePosition - 1));

    /// <summary>The offset just after the opening quote of the attribute that starts at <paramref name="attrOffset"/>.</summary>
    private static int ValueStart(string text, int attrOffset)
    {
        var eq = text.IndexOf('=', attrOffset);
        if (eq < 0)
        {
            return attrOffset;
        }

        var k = eq + 1;
        while (k < text.Length && text[k] != '"' && text[k] != '\'')
        {
            k++;
        }

        return Math.Min(k + 1, text.Length);
    }

    private sealed class PendingElement
    {
        public string? Id { get; set; }

        public TextRange IdRange { get; set; }

        public string? Version { get; set; }

        public TextRange? VersionRange { get; set; }

        public bool DevelopmentOnly { get; set; }

        public PackageEntry ToEntry() => new(Id!, IdRange, Version, VersionRange, DevelopmentOnly);
    }
}
