namespace OrderService.Orders;

public sealed record Order(Guid Id, string CustomerEmail, decimal Amount, string Currency, DateTimeOffset CreatedAt);
