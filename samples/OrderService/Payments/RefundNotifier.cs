using System.Net.Http.Json;

namespace OrderService.Payments;

/// <summary>Well-written code on purpose: the factory, the exception logged with its object, configuration for the secret.</summary>
public sealed class RefundNotifier
{
    private readonly IHttpClientFactory _clients;
    private readonly IConfiguration _configuration;
    private readonly ILogger<RefundNotifier> _logger;

    public RefundNotifier(IHttpClientFactory clients, IConfiguration configuration, ILogger<RefundNotifier> logger)
    {
        _clients = clients;
        _configuration = configuration;
        _logger = logger;
    }

    public async Task NotifyAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var client = _clients.CreateClient("refunds");
        var webhookSecret = _configuration["Refunds:WebhookSecret"];
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "notify") { Content = JsonContent.Create(new { orderId }) };
            request.Headers.Add("X-Signature-Key-Id", "refunds-v2");
            request.Headers.Add("X-Webhook-Secret", webhookSecret);
            await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "Refund notification for {OrderId} failed", orderId);
            throw;
        }
    }
}
