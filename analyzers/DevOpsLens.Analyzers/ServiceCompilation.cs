using Microsoft.CodeAnalysis;

namespace DevOpsLens.Analyzers;

/// <summary>What kind of program a compilation builds, as far as the observability rules care.</summary>
internal static class ServiceCompilation
{
    /// <summary>
    /// A service references the ASP.NET Core shared framework or the generic host: those are the programs whose
    /// output should go through ILogger. Console tools and libraries reference neither.
    /// </summary>
    public static bool IsService(Compilation compilation) =>
        !Symbols.IsTestCompilation(compilation) &&
        (compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication") != null ||
         compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHost") != null ||
         compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService") != null);

    /// <summary>Top-level statements or a <c>Main</c> method: runs once per process.</summary>
    public static bool IsEntryPoint(ISymbol? symbol) =>
        symbol is IMethodSymbol { Name: "Main" or "<Main>$", IsStatic: true };
}
