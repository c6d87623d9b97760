namespace OrderService.Infrastructure;

/// <summary>Options for the legacy payment gateway.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    public string BaseUrl { get; init; } = "https://gateway.internal.example.com/";

    // A default that ships the real client secret in every build.
    public string ClientSecret { get; init; } = "q7VtX2mK9pL4wR8zN3cB6yHd";

    // The artifact feed, with the CI account's password in the URL.
    public string PackageFeed { get; init; } = "https://orders-ci:Wq8vLz2pK9tRm4xJ@packages.contoso-orders.net/v3/index.json";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
