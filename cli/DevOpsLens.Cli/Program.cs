using System.CommandLine;

namespace DevOpsLens.Cli;

/// <summary>Composes the verbs; each verb lives in Commands/&lt;Verb&gt;Command.cs and exposes Create().</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("DevOpsLens: hard-coded secrets, missing instrumentation and risky changes, in the editor and in CI.");
        foreach (var command in Verbs())
        {
            root.Subcommands.Add(command);
        }

        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("devopslens: internal error: " + ex);
            return ExitCodes.InternalError;
        }
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return Commands.LspCommand.Create();
    }
}
