using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Docker;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3023: a download piped into an interpreter in Dockerfile RUN, pipeline scripts and shell scripts. In scripts, a
/// line continuation joins the command, and a download that only feeds a program given on the command line
/// (<c>python3 -c</c>, <c>node -e</c>, a local script) or that sits in a quoted echo message is not reported.
/// </summary>
internal sealed class PipeToShellRule : IacRule
{
    private static readonly Regex PipedAssignments = new(
        @"(\|[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?)((?:[A-Za-z_][A-Za-z0-9_]*=(?:""[^""\n]*""|'[^'\n]*'|[^\s|;&""']*)[ \t]+)+)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex YamlKey = new(@"^[A-Za-z_][\w-]*:\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Commands (and the helper names install scripts give them) that print their arguments.
    private static readonly string[] MessageCommands = { "echo", "printf", "Write-Host", "Write-Output", "print", "info", "warn", "log", "say" };

    public PipeToShellRule()
        : base(RuleCatalog.PipeToShell)
    {
    }

    public override bool AppliesTo(DocumentContext document) =>
        document.Kind is DocumentKind.Dockerfile or DocumentKind.Shell or DocumentKind.PowerShell or DocumentKind.Yaml;

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        switch (document.Kind)
        {
            case DocumentKind.Dockerfile:
                foreach (var run in Dockerfile.Get(document).Instructions.Where(i => i.Keyword == "RUN"))
                {
                    foreach (var (start, end, source) in ShellPatterns.FindPipeToShell(run.Args.Text))
                    {
                        sink.Report(RuleCatalog.PipeToShell, DockerfileFacts.Span(document, run, start, end), RuleCatalog.PipeToShell.FormatMessage(source), source);
                    }
                }

                break;
            case DocumentKind.Shell:
            case DocumentKind.PowerShell:
                ReportIn(document, sink, 0, document.Text.Length);
                break;
            default:
                if (CiScripts.IsPipeline(YamlFlavors.GetFileFlavor(document)))
                {
                    foreach (var script in CiScripts.Get(document))
                    {
                        ReportIn(document, sink, script.Node.Start, script.Node.End);
                    }
                }

                break;
        }
    }

    /// <summary>True when the match sits on a shell comment line (<c># curl … | sh</c> in install notes).</summary>
    private static bool IsCommentedOut(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] != '\n' && text[i] != '\r')
        {
            i--;
        }

        var first = i + 1;
        while (first < index && (text[first] == ' ' || text[first] == '\t'))
        {
            first++;
        }

        return first < text.Length && text[first] == '#';
    }

    private static void ReportIn(DocumentContext document, IReportSink sink, int start, int end)
    {
        // A backslash-newline continues the command: blank both characters (offsets stay the same) so that
        // "curl … \⏎ | bash" is one command, as the shell sees it.
        var text = document.Text.Substring(start, end - start).Replace("\\\r\n", "   ").Replace("\\\n", "  ");

        // Installers document "curl … | VAR=value sh -": the assignments only set the interpreter's environment, so
        // they are blanked (offsets kept) and the interpreter after them is judged.
        text = PipedAssignments.Replace(text, m => m.Groups[1].Value + new string(' ', m.Groups[2].Length));
        foreach (var (s, e, source) in ShellPatterns.FindPipeToShell(text))
        {
            if (IsCommentedOut(text, s) || IsQuotedInMessage(text, s) || ReadsDataOnly(text, s, e))
            {
                continue;
            }

            sink.Report(RuleCatalog.PipeToShell, Spans.Of(document.Text, start + s, start + e), RuleCatalog.PipeToShell.FormatMessage(source), source);
        }
    }

    /// <summary>
    /// True when the interpreter at the end of the match runs a program of its own and the download is only its
    /// input: <c>| python3 -c "import json…"</c>, <c>| python -m json.tool</c>, <c>| node -e …</c>, <c>| perl -ne …</c>,
    /// <c>| sh -c '…'</c> or a local script (<c>| python3 tools/parse.py</c>). <c>| bash -s --</c> and a bare
    /// interpreter read the program from the pipe.
    /// </summary>
    private static bool ReadsDataOnly(string text, int matchStart, int matchEnd)
    {
        var interpreter = InterpreterName(text, matchStart, matchEnd);
        if (interpreter.Length == 0)
        {
            return false;
        }

        var lineEnd = text.IndexOf('\n', matchEnd);
        var rest = text.Substring(matchEnd, (lineEnd < 0 ? text.Length : lineEnd) - matchEnd);
        var skipValue = false;
        foreach (var raw in rest.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (skipValue)
            {
                skipValue = false;
                continue;
            }

            var token = raw.Trim('"', '\'');
            if (token.Length == 0 || token is "-" or "--" or "|" or "&&" or ";" || token.StartsWith(")", StringComparison.Ordinal) || token.StartsWith(">", StringComparison.Ordinal) || token.StartsWith("2>", StringComparison.Ordinal))
            {
                return false;
            }

            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                if (token is "--eval" or "--print" || token.StartsWith("--eval=", StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            if (token[0] == '-')
            {
                var flags = token.Substring(1);
                if (flags.IndexOfAny(InlineProgramFlags(interpreter)) >= 0)
                {
                    return true;
                }

                // sh -s: the program comes from the pipe and the words after it are its arguments.
                if (interpreter is not ("python" or "perl" or "ruby" or "node") && flags.IndexOf('s') >= 0)
                {
                    return false;
                }

                // A shell's -o takes an option name (bash -o pipefail): skip it with the flag.
                skipValue = interpreter is not ("python" or "perl" or "ruby" or "node") && flags.EndsWith("o", StringComparison.Ordinal);
                continue;
            }

            // The first word that is not a flag is a local script file, and the download is its input; unless that
            // file is the pipe itself.
            if (token is "/dev/stdin" or "/dev/fd/0" or "/proc/self/fd/0")
            {
                return false;
            }

            return !token.StartsWith("$", StringComparison.Ordinal) || token.Contains("/");
        }

        return false;
    }

    /// <summary>The flags that give the interpreter its program on the command line (or name a module to run).</summary>
    private static char[] InlineProgramFlags(string interpreter) => interpreter switch
    {
        "python" => new[] { 'c', 'm' },
        "perl" => new[] { 'e', 'E' },
        "ruby" => new[] { 'e' },
        "node" => new[] { 'e', 'p' },
        _ => new[] { 'c' },
    };

    private static string InterpreterName(string text, int start, int end)
    {
        var k = end;
        while (k > start && (char.IsLetterOrDigit(text[k - 1]) || text[k - 1] == '.'))
        {
            k--;
        }

        var word = text.Substring(k, end - k).ToLowerInvariant();
        if (word.StartsWith("python", StringComparison.Ordinal))
        {
            return "python";
        }

        return word is "sh" or "bash" or "zsh" or "dash" or "ksh" or "fish" or "perl" or "ruby" or "node" ? word : string.Empty;
    }

    /// <summary>
    /// True when the match is text inside a quoted message: <c>echo "Install it with: curl -fsSL … | sh"</c>, a
    /// usage line that prints the command instead of running it.
    /// </summary>
    private static bool IsQuotedInMessage(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] != '\n')
        {
            i--;
        }

        var line = text.Substring(i + 1, index - i - 1);
        var trimmed = line.TrimStart(' ', '\t', '-');

        // In a pipeline file the command may follow its key on the same line (run: echo "…", - script: echo "…").
        var key = YamlKey.Match(trimmed);
        if (key.Success)
        {
            trimmed = trimmed.Substring(key.Length).TrimStart(' ', '\t', '-');
        }

        if (!MessageCommands.Any(c => trimmed.StartsWith(c, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == c.Length || trimmed[c.Length] is ' ' or '\t')))
        {
            return false;
        }

        var doubleQuotes = line.Count(c => c == '"');
        var singleQuotes = line.Count(c => c == '\'');
        return doubleQuotes % 2 == 1 || singleQuotes % 2 == 1;
    }
}
