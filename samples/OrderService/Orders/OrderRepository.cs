using System.Collections.Concurrent;
using Npgsql;

namespace OrderService.Orders;

public sealed class OrderRepository
{
    // A connection string with its password, compiled into the binary.
    private const string ConnectionString = "Host=orders-db.internal;Port=5432;Database=orders;Username=orders_app;Password=Xk9#mQ2vL7pR4tWz";

    private readonly ConcurrentDictionary<Guid, Order> _cache = new();
    private readonly ILogger<OrderRepository> _logger;

    public OrderRepository(ILogger<OrderRepository> logger) => _logger = logger;

    public async Task<Order?> FindAsync(Guid id)
    {
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select id, customer_email, amount, currency, created_at from orders where id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            var order = new Order(reader.GetGuid(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
            _cache[id] = order;
            return order;
        }
        catch (NpgsqlException ex)
        {
            // The stack trace and the inner exception are lost.
            _logger.LogError("Could not load order {OrderId}: {Reason}", id, ex.Message);
            return null;
        }
    }

    public IEnumerable<Order> Expired(DateTimeOffset now) =>
        _cache.Values.Where(o => now - o.CreatedAt > TimeSpan.FromHours(24)).ToList();

    public void Remove(Guid id) => _cache.TryRemove(id, out _);
}
