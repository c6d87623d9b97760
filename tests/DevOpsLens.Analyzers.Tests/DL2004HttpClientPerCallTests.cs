using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.HttpClientPerCallAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2004HttpClientPerCallTests
{
    [Fact]
    public Task Reports_new_http_client_in_a_method() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        public sealed class WeatherService
        {
            public async Task<string> GetAsync(string city)
            {
                using var client = [|new HttpClient()|];
                return await client.GetStringAsync("https://weather.example/" + city);
            }
        }
        """);

    [Fact]
    public Task Reports_new_http_client_in_a_lambda() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        public sealed class Poller
        {
            public Func<Task<string>> Create(Uri uri) => async () =>
            {
                using var client = [|new HttpClient()|];
                return await client.GetStringAsync(uri);
            };
        }
        """);

    [Fact]
    public Task Does_not_report_shared_or_registered_clients() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class WeatherService(IHttpClientFactory factory)
        {
            private static readonly HttpClient Shared = new HttpClient();
            private static HttpClient? s_lazy;
            private static readonly SocketsHttpHandler Handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

            public Task<string> GetAsync(string city) => factory.CreateClient("weather").GetStringAsync(city);

            public Task<string> GetSharedAsync(string city)
            {
                s_lazy ??= new HttpClient();
                using var client = new HttpClient(Handler, disposeHandler: false);
                return client.GetStringAsync(city);
            }

            public static void Register(IServiceCollection services)
            {
                services.AddSingleton(sp => new HttpClient { BaseAddress = new Uri("https://weather.example/") });
            }
        }

        public sealed class TypedClient
        {
            private readonly HttpClient _client;
            public TypedClient() { _client = new HttpClient(); }
        }
        """);

    [Fact]
    public Task Does_not_report_when_http_client_factory_is_unavailable() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        public static class Downloader
        {
            public static async Task<byte[]> GetAsync(string url)
            {
                using var client = new HttpClient();
                return await client.GetByteArrayAsync(url);
            }
        }
        """, Infrastructure.Framework.NetCore);

    // Forms the syntax pre-check must let through: a type alias, an implicit new() assigned to an instance field (its
    // type is written elsewhere), and an expression-bodied property getter.
    [Fact]
    public Task Reports_new_http_client_through_an_alias_an_implicit_new_and_a_getter() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Web = System.Net.Http.HttpClient;

        public sealed class Downloads
        {
            private HttpClient? _client;

            public HttpClient Client => [|new HttpClient()|];

            public Web Open() => [|new Web()|];

            public void Reset() => _client = [|new()|];
        }
        """);
}
