// The exception object reaches the logger, or the exception is rethrown with its stack trace.
using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Orders;

public sealed partial class OrderProcessor(ILogger<OrderProcessor> logger)
{
    public async Task ProcessAsync(Guid orderId, Func<Guid, Task> charge, Func<Guid, Task> ship)
    {
        try
        {
            await charge(orderId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Charging order {OrderId} failed", orderId);
            return;
        }

        try
        {
            await ship(orderId);
        }
        catch (TimeoutException ex)
        {
            LogShippingTimeout(logger, orderId, ex);
        }
        catch (InvalidOperationException)
        {
            logger.LogWarning("Shipping order {OrderId} was rejected; the caller retries", orderId);
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Shipping order {OrderId} was cancelled", orderId);
        }
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Shipping order {OrderId} timed out")]
    private static partial void LogShippingTimeout(ILogger logger, Guid orderId, Exception exception);

    private static partial void LogShippingTimeout(ILogger logger, Guid orderId, Exception exception)
    {
    }
}
