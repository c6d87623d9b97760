using System.Text;
using System.Text.RegularExpressions;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// Text of an instruction's arguments after line continuations, comment lines inside continuations and heredoc
/// markers are processed, with the source offset of every character so findings map back exactly.
/// </summary>
internal sealed class MappedText
{
    public MappedText(string text, int[] offsets)
    {
        Text = text;
        Offsets = offsets;
    }

    public string Text { get; }

    /// <summary>Source offset of each character of <see cref="Text"/>.</summary>
    public int[] Offsets { get; }

    /// <summary>Source range of <c>Text[start..end)</c>.</summary>
    public (int Start, int End) Source(int start, int end) =>
        end <= start || Offsets.Length == 0 ? (Offsets.Length > 0 ? Offsets[Math.Min(start, Offsets.Length - 1)] : 0, Offsets.Length > 0 ? Offsets[Math.Min(start, Offsets.Length - 1)] : 0)
        : (Offsets[start], Offsets[end - 1] + 1);
}

internal sealed class DockerInstruction
{
    public DockerInstruction(string keyword, int start, int end, MappedText args)
    {
        Keyword = keyword;
        Start = start;
        End = end;
        Args = args;
    }

    /// <summary>Upper-case keyword (FROM, RUN…).</summary>
    public string Keyword { get; }

    /// <summary>Offset of the keyword.</summary>
    public int Start { get; }

    /// <summary>End of the instruction's last line (before the line break), heredoc bodies included.</summary>
    public int End { get; }

    public MappedText Args { get; }

    /// <summary>
    /// Whitespace-separated tokens of the arguments with their positions in <see cref="MappedText.Text"/>;
    /// whitespace inside quotes (<c>KEY="a b"</c>) does not split a token.
    /// </summary>
    public IEnumerable<(string Token, int Start, int End)> Tokens()
    {
        var text = Args.Text;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            var quote = '\0';
            while (i < text.Length && (quote != '\0' || !char.IsWhiteSpace(text[i])))
            {
                if (quote == '\0' && (text[i] == '"' || text[i] == '\''))
                {
                    quote = text[i];
                }
                else if (text[i] == quote)
                {
                    quote = '\0';
                }

                i++;
            }

            if (i > start)
            {
                yield return (text.Substring(start, i - start), start, i);
            }
        }
    }
}

/// <summary>A build stage: FROM and the instructions up to the next FROM.</summary>
internal sealed class DockerStage
{
    public DockerStage(DockerInstruction from, int index)
    {
        From = from;
        Index = index;
    }

    public DockerInstruction From { get; }

    public int Index { get; }

    /// <summary>The image as written (after --platform), with its span in the arguments.</summary>
    public (string Image, int Start, int End)? ImageToken { get; set; }

    public string? Alias { get; set; }

    public List<DockerInstruction> Instructions { get; } = new();
}

/// <summary>A parsed Dockerfile: parser directives, global ARGs before the first FROM, stages.</summary>
internal sealed class Dockerfile
{
    private static readonly Regex Heredoc = new(@"<<(-?)([""']?)([A-Za-z_][A-Za-z0-9_]*)\2", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Directive = new(@"^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public List<DockerInstruction> Instructions { get; } = new();

    public List<DockerInstruction> GlobalArgs { get; } = new();

    public List<DockerStage> Stages { get; } = new();

    public DockerStage? FinalStage => Stages.Count > 0 ? Stages[Stages.Count - 1] : null;

    public static bool AppliesTo(DocumentContext document) => document.Kind == DocumentKind.Dockerfile;

    /// <summary>
    /// A development container (<c>.devcontainer/</c>): the editor builds it for a developer's workspace and it is
    /// never deployed; devcontainer.json picks the user it runs as (<c>remoteUser</c>), not the Dockerfile.
    /// </summary>
    public static bool IsDevContainer(string path) => ("/" + path.Replace('\\', '/')).IndexOf("/.devcontainer/", StringComparison.OrdinalIgnoreCase) >= 0;

    public static Dockerfile Get(DocumentContext document) => document.GetOrAdd("iac.dockerfile", d => Parse(d.Text));

    /// <summary>Resolves <c>$NAME</c> / <c>${NAME}</c> / <c>${NAME:-default}</c> with the defaults of global ARGs; null when something stays unknown.</summary>
    public string? ResolveGlobal(string value)
    {
        if (value.IndexOf('$') < 0)
        {
            return value;
        }

        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var arg in GlobalArgs)
        {
            var text = arg.Args.Text.Trim();
            var eq = text.IndexOf('=');
            defaults[eq >= 0 ? text.Substring(0, eq) : text] = eq >= 0 ? text.Substring(eq + 1).Trim('"', '\'') : null;
        }

        string? failed = null;
        var result = Regex.Replace(
            value,
            @"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)",
            m =>
            {
                var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
                if (defaults.TryGetValue(name, out var d) && !string.IsNullOrEmpty(d))
                {
                    return d!;
                }

                if (m.Groups[2].Success)
                {
                    return m.Groups[2].Value;
                }

                failed = name;
                return string.Empty;
            },
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return failed == null ? result : null;
    }

    /// <summary>The stage a FROM refers to when it names an earlier stage (<c>FROM build AS final</c>).</summary>
    public DockerStage? StageNamed(string name, int before) =>
        Stages.Take(before).LastOrDefault(s => string.Equals(s.Alias, name, StringComparison.OrdinalIgnoreCase));

    public static Dockerfile Parse(string text)
    {
        var file = new Dockerfile();
        var escape = '\\';
        var lines = SplitLines(text);
        var directivesOpen = true;
        var i = 0;
        while (i < lines.Count)
        {
            var (lineStart, lineEnd) = lines[i];
            var line = text.Substring(lineStart, lineEnd - lineStart);
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                directivesOpen = false;
                i++;
                continue;
            }

            if (trimmed[0] == '#')
            {
                if (directivesOpen && Directive.Match(trimmed) is { Success: true } d)
                {
                    if (d.Groups[1].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && d.Groups[2].Value.Length == 1)
                    {
                        escape = d.Groups[2].Value[0];
                    }
                }
                else
                {
                    directivesOpen = false;
                }

                i++;
                continue;
            }

            directivesOpen = false;
            var keywordStart = lineStart + (line.Length - trimmed.Length);
            var keywordEnd = keywordStart;
            while (keywordEnd < lineEnd && !char.IsWhiteSpace(text[keywordEnd]))
            {
                keywordEnd++;
            }

            var keyword = text.Substring(keywordStart, keywordEnd - keywordStart).ToUpperInvariant();
            var chars = new StringBuilder(lineEnd - keywordEnd);
            var offsets = new List<int>(lineEnd - keywordEnd);
            var end = lineEnd;
            var pos = keywordEnd;
            var segmentEnd = lineEnd;
            while (true)
            {
                var continued = EndsWithEscape(text, pos, segmentEnd, escape, out var contentEnd);
                for (var k = pos; k < contentEnd; k++)
                {
                    chars.Append(text[k]);
                    offsets.Add(k);
                }

                end = segmentEnd;
                i++;
                if (!continued)
                {
                    break;
                }

                // Skip comment and empty lines inside a continuation, as BuildKit does.
                while (i < lines.Count && IsBlankOrComment(text, lines[i]))
                {
                    i++;
                }

                if (i >= lines.Count)
                {
                    break;
                }

                (pos, segmentEnd) = lines[i];
                chars.Append(' ');
                offsets.Add(pos);
            }

            // Heredocs (RUN <<EOF … EOF): the bodies follow the instruction line and belong to it.
            if (keyword is "RUN" or "COPY" or "ADD" && Contains(chars, "<<"))
            {
                foreach (Match m in Heredoc.Matches(chars.ToString()))
                {
                    var delimiter = m.Groups[3].Value;
                    var stripTabs = m.Groups[1].Value == "-";
                    while (i < lines.Count)
                    {
                        var (bs, be) = lines[i];
                        var bodyLine = text.Substring(bs, be - bs);
                        i++;
                        end = be;
                        if ((stripTabs ? bodyLine.TrimStart('\t') : bodyLine) == delimiter)
                        {
                            break;
                        }

                        chars.Append('\n');
                        offsets.Add(bs);
                        for (var k = bs; k < be; k++)
                        {
                            chars.Append(text[k]);
                            offsets.Add(k);
                        }
                    }
                }
            }

            var instruction = new DockerInstruction(keyword, keywordStart, end, new MappedText(chars.ToString(), offsets.ToArray()));
            file.Add(instruction);
        }

        return file;
    }

    private void Add(DockerInstruction instruction)
    {
        Instructions.Add(instruction);
        if (instruction.Keyword == "FROM")
        {
            var stage = new DockerStage(instruction, Stages.Count);
            var tokens = instruction.Tokens().Where(t => !t.Token.StartsWith("--", StringComparison.Ordinal)).ToList();
            if (tokens.Count > 0)
            {
                stage.ImageToken = tokens[0];
            }

            if (tokens.Count >= 3 && tokens[1].Token.Equals("AS", StringComparison.OrdinalIgnoreCase))
            {
                stage.Alias = tokens[2].Token;
            }

            Stages.Add(stage);
        }
        else if (Stages.Count == 0)
        {
            if (instruction.Keyword == "ARG")
            {
                GlobalArgs.Add(instruction);
            }
        }
        else
        {
            Stages[Stages.Count - 1].Instructions.Add(instruction);
        }
    }

    private static bool Contains(StringBuilder text, string value)
    {
        for (var i = 0; i + value.Length <= text.Length; i++)
        {
            var k = 0;
            while (k < value.Length && text[i + k] == value[k])
            {
                k++;
            }

            if (k == value.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithEscape(string text, int start, int end, char escape, out int contentEnd)
    {
        var k = end;
        while (k > start && (text[k - 1] == ' ' || text[k - 1] == '\t'))
        {
            k--;
        }

        if (k > start && text[k - 1] == escape)
        {
            contentEnd = k - 1;
            return true;
        }

        contentEnd = end;
        return false;
    }

    private static bool IsBlankOrComment(string text, (int Start, int End) line)
    {
        for (var k = line.Start; k < line.End; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return text[k] == '#';
            }
        }

        return true;
    }

    private static List<(int Start, int End)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '\n' || text[k] == '\r')
            {
                lines.Add((start, k));
                if (text[k] == '\r' && k + 1 < text.Length && text[k + 1] == '\n')
                {
                    k++;
                }

                start = k + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((start, text.Length));
        }

        return lines;
    }
}
