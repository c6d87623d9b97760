using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.SwallowedExceptionAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2001SwallowedExceptionTests
{
    [Fact]
    public Task Reports_empty_catch_of_exception() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Worker
        {
            void Run(Action work)
            {
                try { work(); }
                [|catch (Exception)|] { }
            }
        }
        """);

    [Fact]
    public Task Reports_bare_catch_with_only_a_comment() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Worker
        {
            void Run(Action work)
            {
                try { work(); }
                [|catch|]
                {
                    // ignore
                }
            }
        }
        """);

    [Fact]
    public Task Reports_general_catch_that_only_returns_default_or_sets_a_flag() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Worker
        {
            private bool _failed;

            int Compute(Func<int> work)
            {
                try { return work(); }
                [|catch (Exception e)|] { return default; }
            }

            void Run(Action work)
            {
                try { work(); }
                [|catch (Exception)|] { _failed = true; }
            }
        }
        """);

    [Fact]
    public Task Reports_empty_catch_of_a_specific_type_without_explanation() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Parser
        {
            void Parse(string s)
            {
                try { _ = int.Parse(s); }
                [|catch (FormatException)|] { }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_catches_that_log_rethrow_or_handle() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Worker(ILogger<Worker> logger)
        {
            async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct)
            {
                try { await work(ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { }

                try { await work(ct); }
                catch (TaskCanceledException) { }

                try { await work(ct); }
                catch (Exception ex) { logger.LogError(ex, "Work failed"); }

                try { await work(ct); }
                catch (IOException) { throw; }

                try { await work(ct); }
                catch (Exception ex) when (Log(ex)) { }
            }

            bool Log(Exception ex) { logger.LogError(ex, "x"); return false; }

            bool TryParse(string s, out int value)
            {
                try { value = int.Parse(s); return true; }
                catch (Exception) { value = 0; return false; }
            }

            int? ParseOrNull(string s)
            {
                try { return int.Parse(s); }
                catch (FormatException) { return null; }
            }

            void DeleteTemp(string path)
            {
                try { File.Delete(path); }
                catch (IOException)
                {
                    // Best effort: the OS cleans the temp folder.
                }
            }

            void Fallback(Action primary, Action secondary)
            {
                try { primary(); }
                catch (Exception) { secondary(); }
            }

            public void Dispose()
            {
                try { File.Delete("x"); }
                catch (Exception) { }
            }
        }
        """);
}
