using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Risk;
using DevOpsLens.Workspace;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace DevOpsLens.Server.Tests.Support;

/// <summary>
/// The server in-process over a duplex pipe, driven by a real StreamJsonRpc client that also answers the
/// server's requests (configuration, registration, progress tokens) and records its notifications.
/// </summary>
internal sealed class LspHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();

    private LspHarness(JsonRpc rpc, ClientEndpoint client, Task<int> server)
    {
        Rpc = rpc;
        Client = client;
        Server = server;
    }

    public JsonRpc Rpc { get; }

    public ClientEndpoint Client { get; }

    public Task<int> Server { get; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The workspace with the stand-in rules and no in-process C# compiler (fast, deterministic).</summary>
    public static IDocumentAnalysisService FakeRulesService(string? root) => WorkspaceAnalysisService.Create(root, new WorkspaceOptions
    {
        Rules = new RuleRegistry(documentRules: new Engine.Rules.IDocumentRule[] { new FakeKeyRule(), new ExplodingRule() }, fixProviders: new[] { new FakeKeyFix() }),
        Analyzers = Array.Empty<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(),
    });

    public static LspHarness Start(Func<string?, IDocumentAnalysisService>? analysis = null, Func<string?, IChangeRiskProvider>? risk = null, TimeSpan? parentPoll = null)
    {
        var (serverSide, clientSide) = FullDuplexStream.CreatePair();
        var options = new LanguageServerOptions
        {
            AnalysisFactory = analysis ?? FakeRulesService,
            RiskFactory = risk ?? (_ => new NoModelChangeRiskProvider()),
            CSharpDebounce = TimeSpan.FromMilliseconds(20),
            OtherDebounce = TimeSpan.FromMilliseconds(5),
            ParentProcessPollInterval = parentPoll ?? TimeSpan.FromSeconds(2),
        };
        var harness = default(LspHarness);
        var server = Task.Run(() => LanguageServer.RunAsync(serverSide, serverSide, options, CancellationToken.None));
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = Json };
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientSide, clientSide, formatter));
        var client = new ClientEndpoint();
        rpc.AddLocalRpcTarget(client);
        rpc.StartListening();
        harness = new LspHarness(rpc, client, server);
        return harness;
    }

    /// <summary>Client capabilities: push (the default), pull, and the optional workspace features.</summary>
    public static JsonObject Capabilities(bool pull = false, bool configuration = false, bool watchedFiles = false, bool progress = false, bool refresh = false)
    {
        var textDocument = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true } };
        if (pull)
        {
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        }

        return new JsonObject
        {
            ["textDocument"] = textDocument,
            ["workspace"] = new JsonObject
            {
                ["configuration"] = configuration,
                ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = watchedFiles },
                ["diagnostics"] = new JsonObject { ["refreshSupport"] = refresh },
            },
            ["window"] = new JsonObject { ["workDoneProgress"] = progress },
        };
    }

    public async Task<JsonElement> InitializeAsync(string? root, JsonObject? capabilities = null, int? processId = null, JsonObject? initializationOptions = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = processId ?? Environment.ProcessId,
            ["rootUri"] = root is null ? null : new Uri(root).AbsoluteUri,
            ["capabilities"] = capabilities ?? Capabilities(),
            ["clientInfo"] = new JsonObject { ["name"] = "xunit" },
            ["initializationOptions"] = initializationOptions,
        });
        await NotifyAsync("initialized", new JsonObject());
        return result;
    }

    public Task<JsonElement> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default) =>
        Rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken).WaitAsync(Patience, cancellationToken);

    public Task NotifyAsync(string method, JsonNode? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "plaintext") =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, int version, params (int Line, int Char, int EndLine, int EndChar, string Text)[] edits) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(edits.Select(e => (JsonNode)new JsonObject
            {
                ["range"] = Range(e.Line, e.Char, e.EndLine, e.EndChar),
                ["text"] = e.Text,
            }).ToArray()),
        });

    public static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static JsonObject Doc(string uri) => new() { ["uri"] = uri };

    /// <summary>Waits for the latest publishDiagnostics of <paramref name="uri"/> to satisfy the predicate.</summary>
    public Task<JsonElement> DiagnosticsAsync(string uri, Func<JsonElement, bool> until) => Client.WaitForAsync(uri, until, Patience);

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return await Server.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Rpc.Dispose();
        try
        {
            await Server.WaitAsync(Patience);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
        }
    }
}

/// <summary>The editor side: answers the server's requests and records its notifications.</summary>
internal sealed class ClientEndpoint
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonElement> _latest = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource> _waiters = new();

    public JsonNode? Settings { get; set; }

    public ConcurrentQueue<JsonElement> Published { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    public ConcurrentQueue<JsonElement> Progress { get; } = new();

    public ConcurrentQueue<JsonElement> Registrations { get; } = new();

    public ConcurrentQueue<JsonElement> ChangeRisk { get; } = new();

    public int ConfigurationRequests;

    public int RefreshRequests;

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JsonElement parameters)
    {
        Published.Enqueue(parameters.Clone());
        lock (_gate)
        {
            _latest[parameters.GetProperty("uri").GetString()!] = parameters.GetProperty("diagnostics").Clone();
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult();
            }

            _waiters.Clear();
        }
    }

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void LogMessage(JsonElement parameters) => Logs.Enqueue(parameters.GetProperty("message").GetString() ?? string.Empty);

    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void OnProgress(JsonElement parameters) => Progress.Enqueue(parameters.Clone());

    [JsonRpcMethod("devopslens/changeRisk", UseSingleObjectParameterDeserialization = true)]
    public void OnChangeRisk(JsonElement parameters) => ChangeRisk.Enqueue(parameters.Clone());

    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public object? CreateProgress(JsonElement parameters) => null;

    [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
    public object? Register(JsonElement parameters)
    {
        Registrations.Enqueue(parameters.Clone());
        return null;
    }

    [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
    public JsonNode?[] Configuration(JsonElement parameters)
    {
        Interlocked.Increment(ref ConfigurationRequests);
        return new[] { Settings?.DeepClone() };
    }

    [JsonRpcMethod("workspace/diagnostic/refresh")]
    public object? Refresh()
    {
        Interlocked.Increment(ref RefreshRequests);
        return null;
    }

    public async Task<JsonElement> WaitForAsync(string uri, Func<JsonElement, bool> until, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_latest.TryGetValue(uri, out var diagnostics) && until(diagnostics))
                {
                    return diagnostics;
                }

                var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
                wait = waiter.Task;
            }

            try
            {
                await wait.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    var last = _latest.TryGetValue(uri, out var d) ? d.ToString() : "(nothing published)";
                    throw new TimeoutException("Diagnostics for " + uri + " never matched; last: " + last);
                }
            }
        }
    }
}

internal static class JsonAssert
{
    /// <summary>The JSON-RPC error code of a failed request (StreamJsonRpc surfaces -32601/-32602 as a separate exception type).</summary>
    public static async Task<int> ErrorCodeAsync(Func<Task> request)
    {
        try
        {
            await request();
        }
        catch (StreamJsonRpc.RemoteInvocationException ex)
        {
            return ex.ErrorCode;
        }
        catch (StreamJsonRpc.RemoteMethodNotFoundException ex)
        {
            return (int)ex.ErrorCode;
        }

        throw new Xunit.Sdk.XunitException("The request succeeded; an error was expected.");
    }

    public static IEnumerable<string?> Codes(JsonElement diagnostics) => diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString());

    public static bool HasCode(JsonElement diagnostics, string code) => Codes(diagnostics).Contains(code);
}
