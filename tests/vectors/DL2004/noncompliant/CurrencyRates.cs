// A new HttpClient per call exhausts sockets under load and skips the factory's resilience and telemetry.
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Pricing;

public sealed class CurrencyRates(ILogger<CurrencyRates> logger)
{
    public async Task<decimal> GetRateAsync(string from, string to)
    {
        using var client = [|new HttpClient()|];
        logger.LogDebug("Fetching {From}/{To}", from, to);
        return await client.GetFromJsonAsync<decimal>($"https://rates.example.com/{from}/{to}");
    }
}
