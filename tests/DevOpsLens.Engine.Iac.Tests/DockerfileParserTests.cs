using DevOpsLens.Engine.Iac.Docker;
using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Continuations_skip_comment_lines_and_map_back_to_source_offsets()
    {
        var text = "FROM alpine:3.20\nRUN apk add \\\n# a comment inside the continuation\n    curl \\\n\n    jq\n";
        var file = Dockerfile.Parse(text);
        var run = Assert.Single(file.Instructions, i => i.Keyword == "RUN");
        Assert.Equal("apk add      curl      jq", string.Join(' ', run.Args.Text.Split(' ')).Trim());
        var jq = run.Args.Text.IndexOf("jq", StringComparison.Ordinal);
        var (start, end) = run.Args.Source(jq, jq + 2);
        Assert.Equal("jq", text.Substring(start, end - start));
    }

    [Fact]
    public void Escape_directive_switches_the_continuation_character()
    {
        var text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nUSER ContainerUser\n";
        var file = Dockerfile.Parse(text);
        Assert.Equal(new[] { "FROM", "RUN", "USER" }, file.Instructions.Select(i => i.Keyword));
        Assert.Contains("Write-Host hi", file.Instructions[1].Args.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Heredoc_bodies_belong_to_their_instruction()
    {
        var text = "FROM debian:12.5\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | sh\nEOF\nUSER 1000\n";
        var file = Dockerfile.Parse(text);
        Assert.Equal(new[] { "FROM", "RUN", "USER" }, file.Instructions.Select(i => i.Keyword));
        var finding = Assert.Single(IacHarness.Analyze(("Dockerfile", text)), f => f.RuleId == "DL3023");
        Assert.Equal("curl -fsSL https://x.example/i.sh | sh", text.Substring(finding.Range.Start, finding.Range.Length));
    }

    [Fact]
    public void Stages_aliases_and_global_args_are_resolved()
    {
        var text = "ARG BASE=mcr.microsoft.com/dotnet/aspnet\nARG TAG\nFROM --platform=$BUILDPLATFORM ${BASE}:9.0 AS base\nFROM base AS final\nFROM ${BASE}:${TAG}\n";
        var file = Dockerfile.Parse(text);
        Assert.Equal(2, file.GlobalArgs.Count);
        Assert.Equal(3, file.Stages.Count);
        Assert.Equal("base", file.Stages[0].Alias);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:9.0", file.ResolveGlobal(file.Stages[0].ImageToken!.Value.Image));
        Assert.Same(file.Stages[0], file.StageNamed("BASE", 1));
        Assert.Null(file.ResolveGlobal(file.Stages[2].ImageToken!.Value.Image));
        Assert.DoesNotContain(IacHarness.Analyze(("Dockerfile", text)), f => f.RuleId == "DL3004");
    }

    [Fact]
    public void Legacy_env_form_and_multiple_pairs_are_read()
    {
        var file = Dockerfile.Parse("FROM alpine:3.20\nENV DB_PASSWORD hunter2-hunter2\nENV A=1 API_TOKEN=\"abc def\"\n");
        var names = file.Instructions.Where(i => i.Keyword == "ENV").SelectMany(DockerfileSecretBuildValueRule.Variables).Select(v => v.Name).ToList();
        Assert.Equal(new[] { "DB_PASSWORD", "A", "API_TOKEN" }, names);
    }
}
