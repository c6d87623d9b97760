using DevOpsLens.Cli.Output;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Workspace;

namespace DevOpsLens.Cli.Commands;

/// <summary>
/// Prepares the engine on a spare core while the main thread loads the C# analyzers and walks the tree: the rule
/// registry and its regexes, the secret detectors, the Dockerfile and YAML parsers and the report writer are
/// initialised by running them once over tiny documents. Every scan needs them; doing it beside the serial start of a
/// scan instead of inside the first files shortens a short run by a sizable share. Pure work on synthetic text: no
/// file, no state beyond the runtime's own type initialisation.
/// </summary>
internal static class EngineWarmUp
{
    private static readonly (string Path, string Text)[] Samples =
    [
        ("warm-up/Dockerfile", "FROM alpine:3.20\nRUN echo ok\n"),
        ("warm-up/deploy.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: a:1\n"),
        ("warm-up/settings.json", "{\"name\": \"value\"}\n"),
    ];

    /// <summary>Starts the warm-up on the thread pool; the caller never waits for it.</summary>
    public static void Start(string format)
    {
        if (Environment.ProcessorCount < 2)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                var analyzer = new DocumentAnalyzer(RuleRegistry.Default.DocumentRules);
                var findings = new List<Finding>();
                foreach (var (path, text) in Samples)
                {
                    findings.AddRange(analyzer.Analyze(new DocumentContext(path, text, RuleOptions.Default)));
                }

                ReportWriters.Create(format, color: false).Write(new Report(findings, Samples.Length, 0), TextWriter.Null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failure here only means the real scan pays the start-up itself; the scan reports real problems.
            }
        });
    }
}
