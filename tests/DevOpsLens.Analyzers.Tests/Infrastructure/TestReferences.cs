using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DevOpsLens.Analyzers.Tests.Infrastructure;

/// <summary>Which shared framework a test compilation targets: a console tool or library, or an ASP.NET Core service.</summary>
public enum Framework
{
    NetCore,
    AspNetCore,
}

/// <summary>
/// Offline references: the SDK's own reference packs, found at run time next to the running dotnet, because the
/// package source here does not serve Microsoft.NETCore.App.Ref for ReferenceAssemblies.Default.
/// </summary>
internal static class TestReferences
{
    /// <summary>No packages to resolve: the references all come from <see cref="For"/>.</summary>
    public static ReferenceAssemblies Offline { get; } = new("net10.0");

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore = new(() => Load("Microsoft.NETCore.App.Ref"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(() => NetCore.Value.AddRange(Load("Microsoft.AspNetCore.App.Ref")));

    public static ImmutableArray<MetadataReference> For(Framework framework) => framework == Framework.AspNetCore ? AspNetCore.Value : NetCore.Value;

    private static ImmutableArray<MetadataReference> Load(string pack)
    {
        var root = DotnetRoot();
        var packDir = Path.Combine(root, "packs", pack);
        var version = Directory.GetDirectories(packDir)
            .Select(Path.GetFileName)
            .Where(v => v!.StartsWith(Environment.Version.Major + ".", StringComparison.Ordinal))
            .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version())
            .FirstOrDefault() ?? throw new InvalidOperationException("No " + pack + " for .NET " + Environment.Version.Major + " under " + packDir);
        var refDir = Path.Combine(packDir, version, "ref", "net" + Environment.Version.Major + ".0");
        return Directory.GetFiles(refDir, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    private static string DotnetRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(Path.Combine(fromEnv, "packs")))
        {
            return fromEnv;
        }

        // The runtime runs from <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
    }
}
