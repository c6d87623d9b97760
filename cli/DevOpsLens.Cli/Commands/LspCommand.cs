using System.CommandLine;
using DevOpsLens.Server;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Risk;

namespace DevOpsLens.Cli.Commands;

/// <summary><c>devopslens lsp [--stdio]</c>: the language server on stdin/stdout. Logs go to stderr only.</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over stdin/stdout (the default and only transport; accepted because editors pass it)." };
        var command = new Command("lsp", "Run the DevOpsLens language server (LSP 3.17 over stdio) for VS Code, Rider (LSP4IJ), Neovim and Emacs.")
        {
            stdio,
        };

        command.SetAction(async (_, cancellationToken) =>
        {
            // Anything written to Console.Out by any library would corrupt the protocol: send it to stderr.
            var stdout = Console.OpenStandardOutput();
            var stdin = Console.OpenStandardInput();
            var stderr = Console.Error;
            Console.SetOut(stderr);
            var options = new LanguageServerOptions
            {
                AnalysisFactory = root => WorkspaceAnalysisService.Create(root),
                RiskFactory = root => root is null ? new NoModelChangeRiskProvider() : new HistoryChangeRiskProvider(root),
                Log = stderr,
            };

            return await LanguageServer.RunAsync(stdin, stdout, options, cancellationToken).ConfigureAwait(false);
        });

        return command;
    }
}
