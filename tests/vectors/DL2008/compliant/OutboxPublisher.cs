// Each iteration catches, logs with the exception and keeps the worker alive; cancellation ends the loop.
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
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var published = await PublishPendingAsync(stoppingToken);
                logger.LogInformation("Published {Count} outbox messages", published);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing the outbox failed; retrying on the next tick");
            }
        }
    }

    private static Task<int> PublishPendingAsync(CancellationToken ct) => Task.FromResult(0);
}
