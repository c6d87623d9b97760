using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderService.Infrastructure;

public static class Telemetry
{
    public const string OrdersSourceName = "OrderService.Orders";

    public static readonly ActivitySource Orders = new(OrdersSourceName);

    // Never passed to AddSource: every span started on it is dropped.
    public static readonly ActivitySource Payments = new("OrderService.Payments");

    public static readonly Meter Meter = new("OrderService");

    public static readonly Counter<long> OrdersPaid = Meter.CreateCounter<long>("orders.paid");
}
