// Errors logged without the exception object lose the type, stack trace and inner exceptions.
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
            [|logger.LogError("Charging order {OrderId} failed: {Error}", orderId, ex.Message)|];
            return;
        }

        try
        {
            await ship(orderId);
        }
        catch (InvalidOperationException)
        {
            [|logger.LogWarning("Shipping order {OrderId} was rejected", orderId)|];
        }

        try
        {
            await ship(orderId);
        }
        catch (TimeoutException ex)
        {
            [|LogShippingTimeout(logger, orderId, ex.ToString())|];
        }
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Shipping order {OrderId} timed out: {Details}")]
    private static partial void LogShippingTimeout(ILogger logger, Guid orderId, string details);

    private static partial void LogShippingTimeout(ILogger logger, Guid orderId, string details)
    {
    }
}
