using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.UnguardedBackgroundLoopAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2008UnguardedBackgroundLoopTests
{
    [Fact]
    public Task Reports_loop_without_exception_handling() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class OutboxPublisher : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                [|while|] (!stoppingToken.IsCancellationRequested)
                {
                    await PublishPendingAsync(stoppingToken);
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }

            private Task PublishPendingAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Reports_loop_that_only_catches_cancellation() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class Consumer(Channel<string> channel) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                try
                {
                    [|await|] foreach (var message in channel.Reader.ReadAllAsync(stoppingToken))
                    {
                        Handle(message);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }

            private static void Handle(string message) => _ = message.Length;
        }
        """);

    [Fact]
    public Task Does_not_report_guarded_loops() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        public sealed class Guarded(ILogger<Guarded> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    try
                    {
                        await WorkAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "Work failed");
                    }

                    await Task.Delay(1000, stoppingToken);
                }
            }

            private Task WorkAsync(CancellationToken ct) => Task.CompletedTask;
        }

        public sealed class Delegating(ILogger<Delegating> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }

            private async Task RunOnceAsync(CancellationToken ct)
            {
                try
                {
                    await Task.Yield();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Run failed");
                }
            }
        }

        public sealed class OuterTry(ILogger<OuterTry> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Yield();
                        Console.Out.Flush();
                    }
                }
                catch (Exception ex)
                {
                    logger.LogCritical(ex, "Worker stopped");
                    throw;
                }
            }
        }
        """);
}
