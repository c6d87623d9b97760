using System;
using System.Text;

namespace DevOpsLens.Engine.Secrets;

/// <summary>Format facts that keep provider detectors precise: checksums, decodable parts, randomness.</summary>
internal static class FormatChecks
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// GitHub's 2021 token format: prefix, 30 random base62 characters, then the CRC32 of those 30 characters in base62,
    /// left-padded with zeros to six. Documentation examples and hand-made fakes fail it.
    /// </summary>
    public static bool HasGitHubChecksum(string token)
    {
        var underscore = token.IndexOf('_');
        if (underscore < 0 || token.Length - underscore - 1 != 36)
        {
            return false;
        }

        var body = token.Substring(underscore + 1, 30);
        var checksum = token.Substring(underscore + 31, 6);
        return string.Equals(GitHubChecksum(body), checksum, StringComparison.Ordinal);
    }

    /// <summary>The six-character checksum GitHub appends to a 30-character token body.</summary>
    public static string GitHubChecksum(string body)
    {
        var crc = Crc32(Encoding.ASCII.GetBytes(body));
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(chars);
    }

    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = (crc >> 8) ^ CrcTable[(crc ^ b) & 0xFF];
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>A JWT whose header decodes to a JSON object with an algorithm other than <c>none</c>, and that is not the jwt.io sample or a public Supabase anon key.</summary>
    public static bool IsCredentialJwt(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var header = DecodeBase64Url(parts[0]);
        if (header == null || !header.TrimStart().StartsWith("{", StringComparison.Ordinal) || header.IndexOf("\"alg\"", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        if (header.Replace(" ", string.Empty).IndexOf("\"alg\":\"none\"", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        var payload = DecodeBase64Url(parts[1]);
        if (payload == null || !payload.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return false;
        }

        var compact = payload.Replace(" ", string.Empty);
        return compact.IndexOf("\"name\":\"JohnDoe\"", StringComparison.Ordinal) < 0
            && compact.IndexOf("\"role\":\"anon\"", StringComparison.Ordinal) < 0
            && NamesASubject(payload);
    }

    // Claim-name fragments of tokens that let someone act: registered claims (RFC 7519), identity and authorisation.
    private static readonly string[] SubjectClaimFragments =
    {
        "sub", "iss", "aud", "exp", "nbf", "iat", "jti", "user", "uid", "id", "name", "mail", "role", "scope", "scp",
        "perm", "group", "admin", "tenant", "tid", "oid", "azp", "client", "account", "sess", "auth", "claim", "org",
    };

    /// <summary>
    /// Whether any claim of the payload identifies a subject or grants something. Tokens like <c>{"jwt":"pwn"}</c>
    /// (signing-library and cracking-tool examples) carry no identity and authorise nothing.
    /// </summary>
    private static bool NamesASubject(string payload)
    {
        var keys = 0;
        var i = 0;
        while ((i = payload.IndexOf('"', i)) >= 0)
        {
            var close = payload.IndexOf('"', i + 1);
            if (close < 0)
            {
                return true;
            }

            var after = close + 1;
            while (after < payload.Length && char.IsWhiteSpace(payload[after]))
            {
                after++;
            }

            if (after < payload.Length && payload[after] == ':')
            {
                keys++;
                var key = payload.Substring(i + 1, close - i - 1).ToLowerInvariant();
                foreach (var fragment in SubjectClaimFragments)
                {
                    if (key.IndexOf(fragment, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }

            i = close + 1;
        }

        // A payload that is not a flat list of claims (or has none) is judged by its format alone.
        return keys == 0;
    }

    /// <summary>
    /// A Google API key in a Firebase app's client configuration (web <c>firebaseConfig</c>, Android
    /// <c>google-services.json</c>): it identifies the project to Google and ships in every client build; Firebase
    /// security rules, not the key, protect the data. Other Google API keys (Maps, Gemini) are billable credentials.
    /// </summary>
    public static bool IsFirebaseClientConfig(string text, int start, int end)
    {
        if (end - start != 39 || string.CompareOrdinal(text, start, "AIza", 0, 4) != 0)
        {
            return false;
        }

        var from = Math.Max(0, start - 400);
        var around = text.Substring(from, Math.Min(text.Length, end + 400) - from);
        return around.IndexOf("firebase", StringComparison.OrdinalIgnoreCase) >= 0 ||
            around.IndexOf("authDomain", StringComparison.OrdinalIgnoreCase) >= 0 ||
            around.IndexOf("messagingSenderId", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// A Bitnami SealedSecret's <c>encryptedData</c> value: ciphertext for the cluster's controller, made to be committed.
    /// The format starts with the two-byte length of the encrypted session key (base64 "Ag…") and is hundreds of
    /// characters long.
    /// </summary>
    public static bool IsSealedSecretCiphertext(string text, string value) =>
        value.Length >= 200 && value.StartsWith("Ag", StringComparison.Ordinal) &&
        text.IndexOf("SealedSecret", StringComparison.Ordinal) >= 0;

    /// <summary>A Discord bot token starts with the bot's numeric user id in base64.</summary>
    public static bool IsDiscordBotToken(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        var id = DecodeBase64Url(token.Substring(0, dot));
        if (id == null || id.Length < 17 || id.Length > 20)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes base64 or base64url (padding optional) as UTF-8; null when it is not valid.</summary>
    public static string? DecodeBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        switch (s.Length % 4)
        {
            case 2:
                s += "==";
                break;
            case 3:
                s += "=";
                break;
            case 1:
                return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new System.Collections.Generic.Dictionary<char, int>();
        foreach (var c in value)
        {
            counts.TryGetValue(c, out var n);
            counts[c] = n + 1;
        }

        var entropy = 0.0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    /// <summary>Rejects fill-ins such as <c>xxxxxxxx</c>, <c>00000000</c>, <c>abcdef123456</c> in a token's random part.</summary>
    public static bool LooksRandom(string randomPart)
    {
        if (randomPart.Length < 8)
        {
            return false;
        }

        var distinct = new System.Collections.Generic.HashSet<char>(randomPart).Count;
        if (distinct < Math.Min(10, randomPart.Length / 3))
        {
            return false;
        }

        var lower = randomPart.ToLowerInvariant();
        foreach (var word in new[] { "xxxx", "example", "your", "placeholder", "redacted", "dummy", "fake", "sample", "0000", "1234567", "abcdefg", "replace" })
        {
            if (lower.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        return Entropy(randomPart) >= 3.0;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
