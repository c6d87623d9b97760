using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>Helpers shared by the Dockerfile checks.</summary>
internal static class DockerfileFacts
{
    /// <summary>The final stage and the earlier stages it builds on (FROM build AS final), nearest first.</summary>
    public static IEnumerable<DockerStage> Chain(Dockerfile file, DockerStage stage)
    {
        var current = stage;
        var guard = 0;
        while (current != null && guard++ < 64)
        {
            yield return current;
            current = current.ImageToken is { } image ? file.StageNamed(image.Image, current.Index) : null;
        }
    }

    /// <summary>The image the chain finally starts from, resolved with global ARG defaults; null when unknown.</summary>
    public static string? BaseImage(Dockerfile file, DockerStage stage)
    {
        var last = Chain(file, stage).Last();
        return last.ImageToken is { } image ? file.ResolveGlobal(image.Image) : null;
    }

    public static TextRange Span(DocumentContext document, DockerInstruction instruction, int start, int end)
    {
        var (s, e) = instruction.Args.Source(start, end);
        return Spans.Of(document.Text, s, e);
    }

    /// <summary>The instruction's first line, for findings about a whole stage.</summary>
    public static TextRange FirstLine(DocumentContext document, DockerInstruction instruction)
    {
        var line = document.Lines.GetLine(instruction.Start);
        return Spans.Of(document.Text, instruction.Start, Math.Min(instruction.End, document.Lines.GetLineEnd(line, document.Text)));
    }
}
