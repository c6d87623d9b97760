using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Dependencies;

/// <summary>
/// DL3040 floating versions (<c>*</c>, <c>1.*</c>, open-ended ranges) and DL3041 prerelease versions in projects that
/// ship: test, sample and benchmark projects, development-only references (<c>PrivateAssets="all"</c>,
/// <c>GlobalPackageReference</c>), test frameworks, analyzers and build-time tools are not reported for prereleases.
/// A project file that is not well-formed XML gets one DL9005.
/// </summary>
internal sealed class PackageVersionRule : IacRule
{
    private static readonly Regex TestPackage = new(
        @"(?i)^(?:xunit|nunit|mstest|microsoft\.net\.test\.sdk|coverlet|moq|nsubstitute|fakeiteasy|fluentassertions|shouldly|bogus|autofixture|verify|testcontainers|microsoft\.aspnetcore\.mvc\.testing|benchmarkdotnet)|\.test(?:ing)?(?:\.|$)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    // Packages that never reach the output: analyzers and code fixes (their nuspec marks them developmentDependency, so
    // NuGet applies PrivateAssets="all" even where the project does not say so), Source Link, versioning and coverage
    // tools. Central version files list them without saying how projects reference them; StyleCop.Analyzers has been
    // a 1.2.0 beta for years and sits in most Directory.Packages.props.
    private static readonly Regex DevelopmentTool = new(
        @"(?i)(?:^|\.)(?:[a-z]*analyzers?|codefixes|codestyle)$|^(?:sonaranalyzer\.|microsoft\.sourcelink\.|microsoft\.build\.tasks\.git$|nerdbank\.gitversioning$|minver$|gitversion\.msbuild$|dotnet\.reproduciblebuilds|microsoft\.netframework\.referenceassemblies|polysharp$|reportgenerator$|coverlet\.)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public PackageVersionRule()
        : base(RuleCatalog.FloatingPackageVersion, RuleCatalog.PrereleasePackage, RuleCatalog.MalformedDocument)
    {
    }

    public override bool AppliesTo(DocumentContext document) => PackageFile.IsPackageFile(document.Path);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var file = PackageFile.Get(document);
        if (file.Error != null)
        {
            var line = document.Lines.GetLine(file.ErrorOffset);
            sink.Report(RuleCatalog.MalformedDocument, Spans.Of(document.Text, file.ErrorOffset, document.Lines.GetLineEnd(line, document.Text)), RuleCatalog.MalformedDocument.FormatMessage("XML", file.Error), "xml");
            return;
        }

        foreach (var package in file.Packages)
        {
            if (package.Version is not { } version || package.VersionRange is not TextRange range)
            {
                continue;
            }

            if (NuGetVersions.FloatingReason(version) is not null)
            {
                sink.Report(RuleCatalog.FloatingPackageVersion, range, RuleCatalog.FloatingPackageVersion.FormatMessage(package.Id, version), package.Id + "@" + version);
            }
            else if (NuGetVersions.IsPrerelease(version) && !file.IsTestProject && !package.DevelopmentOnly && !TestPackage.IsMatch(package.Id) && !DevelopmentTool.IsMatch(package.Id))
            {
                sink.Report(RuleCatalog.PrereleasePackage, range, RuleCatalog.PrereleasePackage.FormatMessage(package.Id, version), package.Id + "@" + version);
            }
        }
    }
}
