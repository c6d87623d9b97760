namespace OrderService.Orders;

public sealed class OrderExpiryWorker : BackgroundService
{
    private readonly OrderRepository _orders;
    private readonly ILogger<OrderExpiryWorker> _logger;

    public OrderExpiryWorker(OrderRepository orders, ILogger<OrderExpiryWorker> logger)
    {
        _orders = orders;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One exception here stops the worker for good, with nothing in the logs that says why.
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var order in _orders.Expired(DateTimeOffset.UtcNow))
            {
                _orders.Remove(order.Id);
                _logger.LogInformation("Expired order {OrderId}", order.Id);
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}
