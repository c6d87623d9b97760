// Test fixtures: a GitHub-shaped token whose checksum is wrong, an unsigned JWT and identifiers that are not secrets.
namespace Contoso.Tests;

internal static class TokenFixtures
{
    public const string NotAGitHubToken = "ghp_huG8GP38g4o5MNJAYKJ1UXXFWXLCpaNfhs0g";
    public const string UnsignedJwt = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0LXVzZXItMDEiLCJyb2xlIjoicmVhZGVyIn0.c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    public const string TokenEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
    public const string CorrelationId = "9b2e4c1a-7d3f-4a8b-b6e5-0f1c2d3e4a5b";
    public const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public const string HexApiKeyShape = "SK0123456789abcdef0123456789abcdef";
}
