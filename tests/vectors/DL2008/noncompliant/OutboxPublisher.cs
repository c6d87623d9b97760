// One failed publish escapes ExecuteAsync and stops the worker (and the host) with no useful log.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Outbox;

public sealed class OutboxPublisher(ILogger<OutboxPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        [|while|] (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var published = await PublishPendingAsync(stoppingToken);
            logger.LogInformation("Published {Count} outbox messages", published);
        }
    }

    private static Task<int> PublishPendingAsync(CancellationToken ct) => Task.FromResult(0);
}
