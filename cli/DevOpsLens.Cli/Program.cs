using System.CommandLine;
using DevOpsLens.Cli.Commands;

namespace DevOpsLens.Cli;

/// <summary>Composes the verbs; each verb lives in Commands/&lt;Verb&gt;Command.cs and exposes Create().</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        return await RunAsync(CreateRoot(), args, new InvocationConfiguration(), CancellationToken.None);
    }

    /// <summary>Runs with the given writers (tests capture them): parse errors exit with 2, unexpected exceptions with 3.</summary>
    internal static async Task<int> RunAsync(RootCommand root, string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        configuration.EnableDefaultExceptionHandler = false;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await configuration.Error.WriteLineAsync("devopslens: " + error.Message);
            }

            await configuration.Error.WriteLineAsync("Run 'devopslens --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await configuration.Error.WriteLineAsync("devopslens: cancelled");
            return ExitCodes.InternalError;
        }
        catch (Exception ex)
        {
            await configuration.Error.WriteLineAsync("devopslens: internal error: " + ex);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The root command with every verb, shared by Main and the tests.</summary>
    internal static RootCommand CreateRoot()
    {
        var root = new RootCommand("DevOpsLens: hard-coded secrets, missing instrumentation and risky changes, in the editor and in CI.");
        foreach (var command in Verbs())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return CheckCommand.Create();
        yield return BaselineCommand.Create();
        yield return RulesCommand.Create();
        yield return Commands.RiskCommand.Create();
        yield return Commands.TrainCommand.Create();
        yield return LspCommand.Create();
        yield return FixCommand.Create();
    }
}
