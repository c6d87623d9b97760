using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Secrets;

// Runs only the secret rules (SecretScanner through DocumentAnalyzer, as every host does) over every file under a
// folder on all cores, and writes "path<TAB>line<TAB>rule<TAB>detector" per finding. It has no .gitignore handling,
// no .editorconfig lookup, no binary sniffing and no C# compilation: it measures the secret engine, not the CLI.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: EngineBench CORPUS_DIR OUTPUT_TSV");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var clock = Stopwatch.StartNew();
var analyzer = new DocumentAnalyzer(new[] { new SecretScanner() });
var results = new ConcurrentBag<string>();
long chars = 0;
var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
    .Where(f => !Path.GetRelativePath(root, f).Replace('\\', '/').Split('/').Contains(".git"))
    .ToArray();
Parallel.ForEach(files, file =>
{
    var text = File.ReadAllText(file, Encoding.UTF8);
    Interlocked.Add(ref chars, text.Length);
    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
    foreach (var finding in analyzer.Analyze(new DocumentContext(relative, text, RuleOptions.Default)))
    {
        finding.Properties.TryGetValue("detector", out var detector);
        results.Add(relative + "\t" + (finding.Start.Line + 1) + "\t" + finding.RuleId + "\t" + detector);
    }
});
File.WriteAllLines(args[1], results.OrderBy(r => r, StringComparer.Ordinal));
Console.Error.WriteLine($"{files.Length} files, {chars / 1e6:0.0} M chars, {results.Count} findings, {clock.ElapsedMilliseconds} ms in process");
return 0;
