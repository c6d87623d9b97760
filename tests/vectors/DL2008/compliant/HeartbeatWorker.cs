// The worker template's heartbeat loop only logs and waits: nothing in it can fail, so there is nothing to guard.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Heartbeat;

public sealed class HeartbeatWorker(ILogger<HeartbeatWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Heartbeat worker started");
        while (!stoppingToken.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Heartbeat at {Time}", DateTimeOffset.UtcNow);
            }

            {|DL2003:Console.WriteLine("heartbeat")|};
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }
}
