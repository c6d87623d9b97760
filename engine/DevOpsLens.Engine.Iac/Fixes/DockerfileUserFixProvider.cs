using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Iac.Docker;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Fixes;

/// <summary>
/// DL3021: adds a non-root USER to the final stage, before its CMD/ENTRYPOINT (or at the end). The official
/// .NET 8+ images ship an <c>app</c> user; for other images a numeric UID is used, because a name might not exist.
/// </summary>
internal sealed class DockerfileUserFixProvider : IFixProvider
{
    private static readonly Regex DotnetImage = new(@"^mcr\.microsoft\.com/dotnet/[a-z-]+:(\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public IReadOnlyList<string> FixableRuleIds { get; } = new[] { RuleCatalog.DockerfileRootUser.Id };

    public IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding)
    {
        if (finding.RuleId != RuleCatalog.DockerfileRootUser.Id)
        {
            yield break;
        }

        var file = Dockerfile.Get(document);
        if (file.FinalStage is not { } final)
        {
            yield break;
        }

        var image = DockerfileFacts.BaseImage(file, final) ?? string.Empty;
        var user = DotnetImage.Match(image) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var major) && major >= 8 ? "app" : "1000";
        var text = document.Text;
        var nl = FixText.NewLine(text);
        var entry = final.Instructions.FirstOrDefault(i => i.Keyword is "CMD" or "ENTRYPOINT");
        TextEdit edit;
        if (entry != null)
        {
            var lineStart = FixText.LineStart(text, entry.Start);
            edit = new TextEdit(new TextRange(lineStart, 0), "USER " + user + nl);
        }
        else
        {
            var needsBreak = text.Length > 0 && text[text.Length - 1] != '\n';
            edit = new TextEdit(new TextRange(text.Length, 0), (needsBreak ? nl : string.Empty) + "USER " + user + nl);
        }

        yield return new TextFix("Run as non-root user '" + user + "'", new[] { edit }, "DL3021.user");
    }
}
