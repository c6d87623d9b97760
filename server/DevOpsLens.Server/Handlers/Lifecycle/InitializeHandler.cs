using System.Diagnostics;
using System.Reflection;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Lifecycle;

/// <summary>
/// Negotiates capabilities: pull diagnostics when the client declares textDocument.diagnostic, push otherwise;
/// UTF-16 positions; incremental sync. Opens the repository session and starts watching the editor's process.
/// </summary>
internal sealed class InitializeHandler : ILspHandler<InitializeParams, InitializeResult>
{
    public Task<InitializeResult> HandleAsync(InitializeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var features = ClientFeatures.From(request.Capabilities);
        var root = FindRoot(request);
        var session = new WorkspaceSession(root, services.Options.AnalysisFactory(root), services.Options.RiskFactory(root));
        var settings = ServerSettings.From(request.InitializationOptions);
        context.Update(s => s with { Initialized = true, Client = features, RootPath = root, Session = session, Settings = settings });

        if (request.ProcessId is int pid && pid > 0)
        {
            _ = WatchParentAsync(pid, services);
        }

        services.Log.Info("initialized for " + (request.ClientInfo?.Name ?? "an unnamed client") + " at " + (root ?? "(no folder)")
            + (features.PullDiagnostics ? "; diagnostics are pulled" : "; diagnostics are pushed"));

        var version = typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return Task.FromResult(new InitializeResult
        {
            ServerInfo = new ServerInfo { Name = "devopslens", Version = plus > 0 ? version[..plus] : version },
            Capabilities = new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions(),
                HoverProvider = true,
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = new[] { "quickfix" } },
                ExecuteCommandProvider = new ExecuteCommandOptions { Commands = new[] { Methods.AddToBaselineCommand, Methods.RescanCommand } },
                DiagnosticProvider = features.PullDiagnostics ? new DiagnosticOptions() : null,
                Workspace = new WorkspaceServerCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true } },
            },
        });
    }

    private static string? FindRoot(InitializeParams request)
    {
        var uri = request.WorkspaceFolders?.FirstOrDefault()?.Uri ?? request.RootUri;
        if (uri is not null)
        {
            return DocumentUris.ToPath(uri);
        }

        return string.IsNullOrEmpty(request.RootPath) ? null : Path.GetFullPath(request.RootPath);
    }

    /// <summary>LSP: the server exits when the process that started it dies, even without an exit notification.</summary>
    private static async Task WatchParentAsync(int pid, ServerServices services)
    {
        while (true)
        {
            await Task.Delay(services.Options.ParentProcessPollInterval).ConfigureAwait(false);
            if (!IsAlive(pid))
            {
                services.Log.Info("the editor process " + pid + " has exited; stopping");
                services.RequestExit(1);
                return;
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
