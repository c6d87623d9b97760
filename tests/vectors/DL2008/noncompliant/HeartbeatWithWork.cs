// The loop logs and waits like a heartbeat, but it also refreshes a cache: one failed refresh stops the worker.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Heartbeat;

public sealed class CacheRefresher(ILogger<CacheRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        [|while|] (!stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Refreshing at {Time}", DateTimeOffset.UtcNow);
            await RefreshAsync(stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    private static Task RefreshAsync(CancellationToken ct) => Task.CompletedTask;
}
