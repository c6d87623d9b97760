// Code that recognises PEM markers mentions them without containing a key.
namespace Contoso.Crypto;

internal static class PemReader
{
    private const string Begin = "-----BEGIN PRIVATE KEY-----";
    private const string End = "-----END PRIVATE KEY-----";

    public static bool IsPrivateKey(string text) =>
        text.Contains(Begin, System.StringComparison.Ordinal) && text.Contains(End, System.StringComparison.Ordinal);
}
