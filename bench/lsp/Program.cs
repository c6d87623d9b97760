using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Server;
using DevOpsLens.Server.Analysis;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace DevOpsLens.Bench.Lsp;

/// <summary>
/// didChange-to-diagnostics latency (push, including the debounce; and pull, the analysis alone), initialize-to-first
/// diagnostics, memory with 200 open documents, and a 5,000-edit burst, with the production Workspace and rules.
/// </summary>
internal static class Program
{
    private const int Edits = 60;

    public static async Task<int> Main(string[] args)
    {
        // By default the server runs as the user gets it: `devopslens lsp` in its own process (pass the published
        // tool's devopslens.dll with --server; bench/lsp/run.sh does), so the runtime settings, ReadyToRun code and
        // resident memory are the shipped tool's. --in-process runs it inside this process, for profiling.
        var serverIndex = Array.IndexOf(args, "--server");
        var server = serverIndex >= 0 && serverIndex + 1 < args.Length ? Path.GetFullPath(args[serverIndex + 1]) : null;
        var inProcess = args.Contains("--in-process");
        if (server is null && !inProcess)
        {
            Console.Error.WriteLine("usage: bench/lsp (--server <published devopslens.dll> | --in-process); bench/lsp/run.sh publishes the tool and passes --server");
            return 2;
        }

        if (server is not null && !File.Exists(server))
        {
            Console.Error.WriteLine("server not found: " + server);
            return 2;
        }

        Session.ServerDll = inProcess ? null : server;
        var root = Path.Combine(Path.GetTempPath(), "dl-bench-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "Service.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        var csharp = Fixtures.CSharp(2000);
        var yaml = Fixtures.Yaml(1000);
        var report = new StringBuilder();
        try
        {
            var launched = Stopwatch.StartNew();
            await using (var push = await Session.StartAsync(root, pull: false))
            {
                var sw = Stopwatch.StartNew();
                await push.InitializeAsync();
                var yamlUri = push.Uri("deploy/values.yaml");
                await push.OpenAsync(yamlUri, yaml);
                await push.WaitAsync(yamlUri, 1);
                report.AppendLine($"| initialize → first diagnostics (1,000-line YAML, cold process state) | {sw.Elapsed.TotalMilliseconds:F0} ms{(Session.ServerDll is null ? "" : $" ({launched.Elapsed.TotalMilliseconds:F0} ms from launching the process)")} |");

                var csUri = push.Uri("src/OrderService.cs");
                await push.OpenAsync(csUri, csharp);
                await push.WaitAsync(csUri, 1);
                report.AppendLine(Row("didChange → publishDiagnostics, 2,000-line C# (push, incl. the C# debounce)", await push.EditLatencyAsync(csUri, 20, Edits)));
                report.AppendLine(Row("didChange → publishDiagnostics, 1,000-line YAML (push, incl. the debounce)", await push.EditLatencyAsync(yamlUri, 20, Edits)));

                var (elapsed, ok, count) = await push.BurstAsync(yamlUri, 5000);
                report.AppendLine($"| 5,000-edit burst on the YAML file: time to final diagnostics | {elapsed.TotalMilliseconds:F0} ms, final diagnostics match the final text: {(ok ? "yes" : "NO")} ({count} findings) |");
            }

            await using (var pull = await Session.StartAsync(root, pull: true))
            {
                await pull.InitializeAsync();
                var csUri = pull.Uri("src/OrderService.cs");
                var yamlUri = pull.Uri("deploy/values.yaml");
                await pull.OpenAsync(csUri, csharp);
                await pull.OpenAsync(yamlUri, yaml);
                report.AppendLine(Row("didChange → textDocument/diagnostic, 2,000-line C# (pull: analysis only)", await pull.PullLatencyAsync(csUri, 20, Edits)));
                report.AppendLine(Row("didChange → textDocument/diagnostic, 1,000-line YAML (pull: analysis only)", await pull.PullLatencyAsync(yamlUri, 20, Edits)));
            }

            await using (var many = await Session.StartAsync(root, pull: false))
            {
                await many.InitializeAsync();
                var before = many.Memory();
                for (var i = 0; i < 200; i++)
                {
                    var uri = i % 2 == 0 ? many.Uri($"svc{i}/values.yaml") : many.Uri($"svc{i}/Handler{i}.cs");
                    await many.OpenAsync(uri, i % 2 == 0 ? Fixtures.Yaml(300) : Fixtures.CSharp(300));
                }

                for (var i = 0; i < 200; i++)
                {
                    var uri = i % 2 == 0 ? many.Uri($"svc{i}/values.yaml") : many.Uri($"svc{i}/Handler{i}.cs");
                    await many.WaitAsync(uri, 1);
                }

                var after = many.Memory();
                var scope = Session.ServerDll is null ? "server and bench client in one process" : "the server process";
                report.AppendLine($"| resident memory with 200 open documents (100 C#, 100 YAML, 300 lines each; {scope}) | {after.Current / 1048576.0:F0} MB, peak {after.Peak / 1048576.0:F0} MB (before opening: {before.Current / 1048576.0:F0} MB) |");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        Console.WriteLine(Session.ServerDll is null ? "server: in this process (--in-process)" : "server: dotnet " + Session.ServerDll + " lsp");
        Console.WriteLine("| measure | result |");
        Console.WriteLine("|---|---|");
        Console.Write(report.ToString());
        return 0;
    }

    private static string Row(string name, List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return $"| {name} | p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms (n={samples.Count}) |";
    }
}

internal static class Fixtures
{
    /// <summary>GitHub's token format with a valid checksum, so the real scanner reports it.</summary>
    public static string Token(string body30)
    {
        const string base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.ASCII.GetBytes(body30))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        var check = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            check[i] = base62[(int)(crc % 62)];
            crc /= 62;
        }

        return "gh" + "p_" + body30 + new string(check);
    }

    public static string CSharp(int lines)
    {
        var sb = new StringBuilder("using System;\nusing System.Collections.Generic;\n\nnamespace Bench;\n\ninternal sealed class OrderService\n{\n");
        sb.Append("    private const string Token = \"").Append(Token("benchCSharpTokenBodyAbcdef0123")).Append("\";\n");
        var n = 0;
        while (sb.ToString().Split('\n').Length < lines - 2)
        {
            sb.Append("    public int Compute").Append(n).Append("(IReadOnlyList<int> values)\n    {\n        var total = 0;\n        foreach (var v in values)\n        {\n            total += v * ").Append(n % 7 + 1).Append(";\n        }\n\n        return total;\n    }\n\n");
            n++;
        }

        return sb.Append("}\n").ToString();
    }

    public static string Yaml(int lines)
    {
        var sb = new StringBuilder("# values\nreplicaCount: 2\nsecrets:\n  token: ").Append(Token("benchYamlTokenBodyAbcdefgh0123")).Append('\n');
        var i = 0;
        while (sb.ToString().Split('\n').Length < lines)
        {
            sb.Append("service").Append(i).Append(":\n  image: registry.example/app").Append(i).Append(":1.").Append(i).Append("\n  port: ").Append(8000 + i).Append("\n  # note\n");
            i++;
        }

        return sb.ToString();
    }
}

internal sealed class Session : IAsyncDisposable
{
    private readonly string _root;
    private readonly JsonRpc _rpc;
    private readonly Task<int> _server;
    private readonly bool _pull;
    private readonly Process? _process;
    private readonly ConcurrentDictionary<(string, int), TaskCompletionSource<int>> _published = new();
    private readonly ConcurrentDictionary<string, string> _text = new();
    private readonly ConcurrentDictionary<string, int> _version = new();

    private Session(string root, JsonRpc rpc, Task<int> server, bool pull, Process? process)
    {
        _process = process;
        _root = root;
        _rpc = rpc;
        _server = server;
        _pull = pull;
    }

    /// <summary>The published tool's devopslens.dll to launch, or null to run the server in this process.</summary>
    public static string? ServerDll { get; set; }

    public static Task<Session> StartAsync(string root, bool pull)
    {
        Stream input, output;
        Task<int> server;
        Process? process = null;
        if (ServerDll is null)
        {
            var (a, b) = FullDuplexStream.CreatePair();
            var options = new LanguageServerOptions { AnalysisFactory = r => WorkspaceAnalysisService.Create(r) };
            server = Task.Run(() => LanguageServer.RunAsync(a, a, options, CancellationToken.None));
            input = output = b;
        }
        else
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(ServerDll);
            start.ArgumentList.Add("lsp");
            process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + ServerDll);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var started = process;
            server = started.WaitForExitAsync().ContinueWith(_ => started.ExitCode, TaskScheduler.Default);
            input = process.StandardInput.BaseStream;
            output = process.StandardOutput.BaseStream;
        }

        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(input, output, new SystemTextJsonFormatter()));
        var session = new Session(root, rpc, server, pull, process);
        rpc.AddLocalRpcMethod(typeof(Session).GetMethod(nameof(OnPublish))!, session, new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        return Task.FromResult(session);
    }

    /// <summary>
    /// Resident memory now and at its peak: of the server process (VmRSS/VmHWM), or of this whole process after a
    /// full collection when the server runs in-process.
    /// </summary>
    public (long Current, long Peak) Memory()
    {
        if (_process is null)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            return (self.WorkingSet64, self.PeakWorkingSet64);
        }

        long Field(string name) =>
            File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024).First();
        return (Field("VmRSS"), Field("VmHWM"));
    }

    public string Uri(string relative) => new Uri(Path.Combine(_root, relative)).AbsoluteUri;

    public async Task InitializeAsync()
    {
        var caps = new JsonObject { ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true } } };
        if (_pull)
        {
            caps["textDocument"]!["diagnostic"] = new JsonObject();
        }

        await _rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = new Uri(_root).AbsoluteUri, ["capabilities"] = caps, ["initializationOptions"] = new JsonObject { ["scanOnStartup"] = false } });
        await _rpc.NotifyWithParameterObjectAsync("initialized", new JsonObject());
    }

    public Task OpenAsync(string uri, string text)
    {
        _text[uri] = text;
        _version[uri] = 1;
        return _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "x", ["version"] = 1, ["text"] = text } });
    }

    public Task<int> WaitAsync(string uri, int version) => _published.GetOrAdd((uri, version), _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(120));

    /// <summary>Types one character at the end of line <paramref name="line"/>; returns the new version.</summary>
    public async Task<int> TypeAsync(string uri, int line, string character)
    {
        var text = _text[uri];
        var lines = text.Split('\n');
        var column = lines[line].Length;
        lines[line] += character;
        _text[uri] = string.Join('\n', lines);
        var version = _version.AddOrUpdate(uri, 2, (_, v) => v + 1);
        await _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = line, ["character"] = column }, ["end"] = new JsonObject { ["line"] = line, ["character"] = column } },
                ["text"] = character,
            }),
        });
        return version;
    }

    public async Task<List<double>> EditLatencyAsync(string uri, int warmup, int edits)
    {
        var samples = new List<double>();
        for (var i = 0; i < warmup + edits; i++)
        {
            var sw = Stopwatch.StartNew();
            var version = await TypeAsync(uri, 10, " ");
            await WaitAsync(uri, version);
            if (i >= warmup)
            {
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        return samples;
    }

    public async Task<List<double>> PullLatencyAsync(string uri, int warmup, int edits)
    {
        var samples = new List<double>();
        for (var i = 0; i < warmup + edits; i++)
        {
            var sw = Stopwatch.StartNew();
            await TypeAsync(uri, 10, " ");
            var report = await _rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            if (report.GetProperty("items").GetArrayLength() == 0)
            {
                throw new InvalidOperationException("the planted token was not reported");
            }

            if (i >= warmup)
            {
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        return samples;
    }

    /// <summary>5,000 edits without waiting; every 1,000th adds a line with another token. The last publish must equal a direct analysis of the final text.</summary>
    public async Task<(TimeSpan Elapsed, bool Matches, int Count)> BurstAsync(string uri, int edits)
    {
        var sw = Stopwatch.StartNew();
        var version = 0;
        var added = 0;
        for (var i = 1; i <= edits; i++)
        {
            if (i % 1000 == 0)
            {
                added++;
                version = await TypeAsync(uri, 5, "\nextra" + added + ": " + Fixtures.Token("burstTokenBodyAbcdefghijklm" + added.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                version = await TypeAsync(uri, 7, "x");
            }
        }

        var count = await WaitAsync(uri, version);
        var elapsed = sw.Elapsed;

        // The reference: the same final text analyzed directly, outside the server.
        var path = new Uri(uri).LocalPath;
        var expected = (await WorkspaceAnalysisService.Create(_root).AnalyzeDocumentAsync(path, _text[uri], CancellationToken.None)).Count(f => !f.IsSuppressed);
        return (elapsed, count == expected, count);
    }

    public void OnPublish(JsonElement p)
    {
        if (p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
        {
            var count = p.GetProperty("diagnostics").GetArrayLength();
            _published.GetOrAdd((p.GetProperty("uri").GetString()!, v.GetInt32()), _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _rpc.InvokeAsync<JsonElement>("shutdown");
            await _rpc.NotifyAsync("exit");
            await _server.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is ConnectionLostException or TimeoutException or ObjectDisposedException)
        {
        }

        _rpc.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
