// The client comes from IHttpClientFactory; a shared static client is also long-lived and fine.
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Pricing;

public sealed class CurrencyRates(IHttpClientFactory factory)
{
    private static readonly HttpClient Fallback = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<decimal> GetRateAsync(string from, string to)
    {
        var client = factory.CreateClient("rates");
        return await client.GetFromJsonAsync<decimal>($"{from}/{to}");
    }

    public Task<string> PingAsync() => Fallback.GetStringAsync("https://rates.example.com/ping");

    public static void Register(IServiceCollection services) =>
        services.AddHttpClient("rates", c => c.BaseAddress = new Uri("https://rates.example.com/"));
}
