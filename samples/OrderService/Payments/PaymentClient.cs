using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrderService.Infrastructure;
using OrderService.Orders;

namespace OrderService.Payments;

public sealed class PaymentClient
{
    private const string StripeApiKey = "sk_live_51NzQ3bKx8vR2mP7tY4wL9cJ6hF0dA5sG3eU1iO8nB2qZ";

    private readonly ILogger<PaymentClient> _logger;

    public PaymentClient(ILogger<PaymentClient> logger) => _logger = logger;

    public async Task<bool> ChargeAsync(Order order)
    {
        using var activity = Telemetry.Payments.StartActivity("charge");

        // A new client per call: socket exhaustion under load, no resilience, no HTTP telemetry.
        using var http = new HttpClient { BaseAddress = new Uri("https://api.stripe.com/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StripeApiKey);

        Console.WriteLine($"Charging order {order.Id} for {order.Amount} {order.Currency}");
        _logger.LogDebug("Using Stripe key {StripeApiKey}", StripeApiKey);

        try
        {
            var response = await http.PostAsJsonAsync("v1/charges", new { amount = order.Amount, currency = order.Currency });
            Telemetry.OrdersPaid.Add(1);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }

        return false;
    }

    public static ICredentials LegacyGatewayCredentials() =>
        new NetworkCredential("orders-svc", "Winter2024!Gateway");
}
