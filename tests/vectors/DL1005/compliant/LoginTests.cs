// A test logs in with a made-up password: fixture data in a test class, not a secret shipped with the service.
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Xunit;

namespace Contoso.Identity.Tests;

public sealed class LoginTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    [Fact]
    public async Task Logs_in_with_valid_credentials()
    {
        using var client = factory.CreateClient();
        var request = new LoginRequest { Email = "alice@contoso.example", Password = "Sp4rrow!Tide9" };
        var response = await client.PostAsJsonAsync("/api/login", request);
        response.EnsureSuccessStatusCode();
    }
}

public sealed class LoginRequest
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}
