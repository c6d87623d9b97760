using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// DL3024: ENV or ARG with a secret-like name. ENV values ship in the image; ARG values (even without a
/// default, when passed with --build-arg) are recorded in the image history. Empty ENV values are fine.
/// </summary>
internal sealed class DockerfileSecretBuildValueRule : IacRule
{
    public DockerfileSecretBuildValueRule()
        : base(RuleCatalog.DockerfileSecretBuildValue)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var instruction in Dockerfile.Get(document).Instructions)
        {
            if (instruction.Keyword is not ("ENV" or "ARG"))
            {
                continue;
            }

            foreach (var (name, value, start, end) in Variables(instruction))
            {
                if (!SecretNames.IsSecretName(name))
                {
                    continue;
                }

                var empty = value != null && value.Trim('"', '\'', ' ').Length == 0;
                if (instruction.Keyword == "ENV" && (value == null || empty))
                {
                    continue;
                }

                if (instruction.Keyword == "ARG" && empty)
                {
                    continue;
                }

                sink.Report(RuleCatalog.DockerfileSecretBuildValue, DockerfileFacts.Span(document, instruction, start, end), RuleCatalog.DockerfileSecretBuildValue.FormatMessage(instruction.Keyword, name), instruction.Keyword + " " + name);
            }
        }
    }

    /// <summary>Names (with their span in the arguments) and values of <c>ENV A=1 B=2</c>, legacy <c>ENV A 1</c> and <c>ARG A[=1]</c>.</summary>
    internal static IEnumerable<(string Name, string? Value, int Start, int End)> Variables(DockerInstruction instruction)
    {
        var tokens = instruction.Tokens().ToList();
        if (tokens.Count == 0)
        {
            yield break;
        }

        if (instruction.Keyword == "ENV" && tokens[0].Token.IndexOf('=') < 0)
        {
            var rest = tokens.Count > 1 ? instruction.Args.Text.Substring(tokens[1].Start).Trim() : string.Empty;
            yield return (tokens[0].Token, rest, tokens[0].Start, tokens[0].End);
            yield break;
        }

        foreach (var (token, start, _) in tokens)
        {
            var eq = token.IndexOf('=');
            var name = eq >= 0 ? token.Substring(0, eq) : token;
            if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
            {
                continue;
            }

            yield return (name, eq >= 0 ? token.Substring(eq + 1) : null, start, start + name.Length);
        }
    }
}
