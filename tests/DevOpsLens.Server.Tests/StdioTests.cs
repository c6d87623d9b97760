using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DevOpsLens.Server.Tests.Support;
using DevOpsLens.Server.Transport;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Server.Tests;

/// <summary>The built <c>devopslens lsp</c> over real stdin/stdout: stdout must carry nothing but protocol frames.</summary>
public sealed class StdioTests
{
    [Fact]
    public async Task Real_tool_reports_a_real_rule_and_exits_zero_after_shutdown()
    {
        using var dir = new TempDir();
        await using var server = StdioServer.Start();
        await server.SendAsync(1, "initialize", new { processId = Environment.ProcessId, rootUri = new Uri(dir.Path).AbsoluteUri, capabilities = new { } });
        var init = await server.ResponseAsync(1);
        Assert.Equal("devopslens", init.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
        await server.NotifyAsync("initialized", new { });

        // An unknown severity in .editorconfig is a real DL9002 finding from the Workspace, no stand-in rules involved.
        var uri = new Uri(Path.Combine(dir.Path, ".editorconfig")).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "editorconfig", version = 1, text = "root = true\n[*]\ndotnet_diagnostic.DL1001.severity = loud\n" } });
        var published = await server.NotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri && p.GetProperty("diagnostics").GetArrayLength() > 0);
        Assert.Equal("DL9002", published.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Equal(2, published.GetProperty("diagnostics")[0].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        await server.SendAsync(2, "shutdown", null);
        await server.ResponseAsync(2);
        await server.NotifyAsync("exit", null);
        Assert.Equal(0, await server.ExitCodeAsync());
    }

    [Fact]
    public async Task Real_tool_survives_garbage_and_answers_unknown_methods()
    {
        using var dir = new TempDir();
        await using var server = StdioServer.Start();
        await server.SendAsync(1, "initialize", new { processId = (int?)null, rootUri = new Uri(dir.Path).AbsoluteUri, capabilities = new { } });
        await server.ResponseAsync(1);
        await server.SendRawAsync(Encoding.UTF8.GetBytes("{this is not json"));
        var parse = await server.ResponseAsync(null);
        Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());
        await server.SendAsync(3, "workspace/symbol", new { query = "x" });
        Assert.Equal(-32601, (await server.ResponseAsync(3)).GetProperty("error").GetProperty("code").GetInt32());
        await server.SendAsync(4, "devopslens/changeRisk", new { });
        // The folder is no git repository: whatever model ships, there is no change to score.
        var risk = (await server.ResponseAsync(4)).GetProperty("result");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, risk.TryGetProperty("score", out var score) ? score.ValueKind : System.Text.Json.JsonValueKind.Null);
        Assert.False(string.IsNullOrEmpty(risk.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Real_tool_exits_when_stdin_closes()
    {
        await using var server = StdioServer.Start();
        await server.SendAsync(1, "initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });
        await server.ResponseAsync(1);
        server.CloseInput();
        Assert.Equal(1, await server.ExitCodeAsync());
    }

    internal sealed class StdioServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly FrameReader _reader;
        private readonly List<JsonElement> _seen = new();

        private StdioServer(Process process)
        {
            _process = process;
            _reader = new FrameReader(process.StandardOutput.BaseStream);
        }

        public static StdioServer Start() => Start(new[] { "lsp", "--stdio" });

        /// <summary>Starts the built tool with <paramref name="arguments"/> (what follows the command name).</summary>
        public static StdioServer Start(IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(DotNet())
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(ToolPath());
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            return new StdioServer(process);
        }

        /// <summary>The CLI is built by the ProjectReference into artifacts/bin/DevOpsLens.Cli/&lt;same configuration as this test&gt;.</summary>
        private static string ToolPath()
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            var path = Path.Combine(TestPaths.RepoRoot, "artifacts", "bin", "DevOpsLens.Cli", configuration, "devopslens.dll");
            Assert.True(File.Exists(path), "The CLI was not built at " + path);
            return path;
        }

        private static string DotNet()
        {
            var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(root) && File.Exists(root) ? root : "dotnet";
        }

        public Task SendAsync(int id, string method, object? parameters) =>
            SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id, method, @params = parameters }));

        public Task NotifyAsync(string method, object? parameters) =>
            SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", method, @params = parameters }));

        public async Task SendRawAsync(byte[] body)
        {
            var stdin = _process.StandardInput.BaseStream;
            await stdin.WriteAsync(Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n"));
            await stdin.WriteAsync(body);
            await stdin.FlushAsync();
        }

        public void CloseInput() => _process.StandardInput.Close();

        public async Task<JsonElement> ResponseAsync(int? id) =>
            await NextAsync(m => !m.TryGetProperty("method", out _) && m.TryGetProperty("id", out var got)
                && (id is null ? got.ValueKind == JsonValueKind.Null : got.ValueKind == JsonValueKind.Number && got.GetInt32() == id));

        public async Task<JsonElement> NotificationAsync(string method, Func<JsonElement, bool> match) =>
            (await NextAsync(m => m.TryGetProperty("method", out var name) && name.GetString() == method && match(m.GetProperty("params")))).GetProperty("params");

        public async Task<int> ExitCodeAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(LspHarness.Patience);
            return _process.ExitCode;
        }

        /// <summary>Every byte on stdout must parse as a frame with a JSON body; anything else fails the test.</summary>
        private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match)
        {
            var found = _seen.FirstOrDefault(m => match(m));
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                _seen.Remove(found);
                return found;
            }

            using var timeout = new CancellationTokenSource(LspHarness.Patience);
            while (true)
            {
                var frame = await _reader.ReadAsync(timeout.Token) ?? throw new EndOfStreamException("devopslens lsp closed stdout");
                Assert.Null(frame.HeaderProblem);
                using var doc = JsonDocument.Parse(frame.Body!);
                var message = doc.RootElement.Clone();
                if (match(message))
                {
                    return message;
                }

                _seen.Add(message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
