using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// The judgement calls shared by every host: is a setting or identifier named like a secret, and does a literal value
/// look like a real secret rather than a placeholder, a reference or ordinary data. Used by DL1005 in every file type
/// and by the C# analyzers (DL1005, DL1006, DL2009).
/// </summary>
public static class SecretHeuristics
{
    // A name is secret-named when its last meaningful word is one of these (after the compounds below are joined).
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "apikey", "credential",
        "credentials", "creds", "auth", "authorization", "bearer", "pat", "connectionstring", "connstr",
        "privatekey", "secretkey", "accesskey", "signingkey", "encryptionkey", "masterkey", "accountkey", "storagekey",
        "subscriptionkey", "sharedkey", "sharedaccesskey", "appkey", "authkey", "adminkey", "hmackey", "jwtkey",
        "clientsecret", "accesstoken", "refreshtoken", "authtoken", "sastoken", "saskey", "webhooksecret",
    };

    // Concatenated lower-case blobs ("dbpassword", "authtoken") count when they end with one of these.
    private static readonly string[] SecretSuffixes =
    {
        "password", "passwd", "passphrase", "secret", "token", "apikey", "accesskey", "secretkey", "privatekey",
        "credentials", "credential", "signingkey", "encryptionkey", "masterkey", "accountkey",
    };

    // Qualifiers that turn the generic word "key" (or "string") into a secret name.
    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "signing", "encryption", "master", "account", "storage", "subscription",
        "shared", "app", "auth", "admin", "hmac", "jwt", "sas",
    };

    private static readonly HashSet<string> PatQualifiers = new(StringComparer.Ordinal)
    {
        "github", "gh", "gitlab", "gl", "ado", "azdo", "devops", "azure", "bitbucket", "personal", "access", "npm",
        "pypi", "docker", "dockerhub", "hf", "huggingface", "git", "vsts", "nuget",
    };

    // Words that may follow the secret word without changing what the value is ("PasswordValue", "API_KEY_PROD").
    private static readonly HashSet<string> NeutralSuffixes = new(StringComparer.Ordinal)
    {
        "value", "val", "plain", "plaintext", "text", "str", "string", "raw", "b64", "base64", "hex", "literal", "key",
        "base", "default", "prod", "production", "dev", "development", "staging", "stage", "test", "qa", "uat", "local",
        "primary", "secondary", "new", "old", "current", "v1", "v2", "v3", "secret", "token", "override", "one", "two",
    };

    // Words before the secret word that make the name about the secret rather than the secret itself.
    private static readonly HashSet<string> NegativePrefixes = new(StringComparer.Ordinal)
    {
        "is", "has", "use", "uses", "enable", "enabled", "disable", "disabled", "show", "hide", "forgot", "forget",
        "require", "requires", "required", "validate", "min", "max", "num", "no", "allow", "should", "can", "ask",
        "check", "prompt", "verify", "masked", "encrypted", "hashed", "salted", "obfuscated", "public", "publishable",
        "cancellation", "next", "page", "continuation", "pagination", "resume", "sync", "csrf", "xsrf", "antiforgery",
        "lexer", "parser", "expected", "last", "generate", "random", "reset", "forgotten", "change", "update", "existing",
    };

    private static readonly string[] PlaceholderWords =
    {
        "changeme", "change_me", "change-me", "changeit", "replace", "your_", "your-", "yourpassword", "yoursecret",
        "yourtoken", "yourkey", "your.", "<your", "example", "sample", "dummy", "placeholder", "redacted", "insert",
        "todo", "tbd", "fixme", "notasecret", "not-a-secret", "not_a_secret", "fake", "mock", "lorem", "foobar",
        "secret_here", "key_here", "token_here", "password_here", "here_", "_here", "enter_", "put_", "mypass",
        "mysecret", "mytoken", "mykey", "mypwd", "my-secret", "my_secret",
    };

    // Template expressions and references to configuration or vaults, anywhere in the value.
    private static readonly string[] ReferenceMarkers =
    {
        "${", "$(", "{{", "#{", "%(", "@microsoft.keyvault", "@microsoft.appconfiguration", "secretref:", "keyvault:",
        "$env:", "process.env", "os.environ", "os.getenv", "getenv(", "environment.getenvironmentvariable",
        "[parameters(", "[variables(", "[reference(", "enc[", "$ansible_vault", "arn:aws:secretsmanager", "arn:aws:ssm",
        "{env:", "resolve:secretsmanager", "resolve:ssm", "op://", "!vault", "vault.azure.net/secrets",
    };

    // References that are only recognisable at the start of the value (Terraform and workflow expressions, vault paths).
    private static readonly string[] ReferencePrefixes =
    {
        "vault:", "env:", "env(", "secrets.", "vars.", "var.", "local.", "data.", "module.", "ref+", "sm://",
        "azurekeyvault", "keyvault(", "secret/", "kv/",
    };

    internal const string StorageEmulatorKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Stripe publishable keys are public by design; test-mode keys cannot move money (see DL1001's page).
    private static readonly string[] LowRiskPrefixes = { "pk_live_", "pk_test_", "sk_test_", "rk_test_" };

    private static readonly HashSet<string> NonSecretWords = new(StringComparer.Ordinal)
    {
        "true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined", "empty", "required", "optional",
        "password", "passwd", "secret", "token", "apikey", "api_key", "string", "securestring", "default", "bearer",
        "basic", "unknown", "disabled", "enabled", "hidden", "masked", "notset", "not_set", "unset",
    };

    /// <summary>
    /// True when an identifier or key names a secret: <c>password</c>, <c>DB_PASSWORD</c>, <c>ApiKey</c>,
    /// <c>client-secret</c>, <c>github.token</c>, <c>ConnectionStrings:Default</c> is not (its last word is not a secret
    /// word) but <c>ConnectionString</c> is. Names about a secret rather than holding one are not: <c>PasswordLength</c>,
    /// <c>TokenEndpoint</c>, <c>SecretName</c>, <c>PasswordPolicy</c>, <c>tokenizer</c>, <c>passwordHash</c>,
    /// <c>CancellationToken</c>, <c>public_key</c>.
    /// </summary>
    public static bool IsSecretName(string identifierOrKey) => IsSecretName(identifierOrKey, (IReadOnlyList<string>?)null);

    /// <summary>As <see cref="IsSecretName(string)"/>, also accepting DL1005's <c>additional_names</c> from <paramref name="options"/>.</summary>
    public static bool IsSecretName(string identifierOrKey, RuleOptions options) =>
        IsSecretName(identifierOrKey, (options ?? RuleOptions.Default).GetList(RuleCatalog.SecretAssignment, "additional_names"));

    internal static bool IsSecretName(string identifierOrKey, IReadOnlyList<string>? additionalNames)
    {
        if (string.IsNullOrEmpty(identifierOrKey) || identifierOrKey.Length > 128)
        {
            return false;
        }

        if (additionalNames != null)
        {
            foreach (var extra in additionalNames)
            {
                if (string.Equals(Normalize(identifierOrKey), Normalize(extra), StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        var words = Words(identifierOrKey);
        if (words.Count == 0)
        {
            return false;
        }

        JoinCompounds(words);

        // The head is the last secret word; every word after it must be neutral ("PasswordValue"), and the word right
        // before it must not make the name about the secret ("MinPasswordLength", "IsTokenValid", "CancellationToken").
        var head = -1;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (IsSecretWord(words[i]))
            {
                head = i;
                break;
            }
        }

        if (head < 0)
        {
            return false;
        }

        for (var i = head + 1; i < words.Count; i++)
        {
            if (!NeutralSuffixes.Contains(words[i]) && !IsNumber(words[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < head; i++)
        {
            if (NegativePrefixes.Contains(words[i]))
            {
                return false;
            }
        }

        // "pat" is a personal access token only next to a platform ("GITHUB_PAT", "ado-pat"); "HEX_PAT" is a pattern.
        if (words[head] == "pat")
        {
            return head > 0 && PatQualifiers.Contains(words[head - 1]);
        }

        // "pass" alone is too ambiguous unless it is qualified ("db_pass", "SMTP_PASS").
        return !(words[head] == "pass" && words.Count == 1);
    }

    /// <summary>
    /// True when <paramref name="value"/> looks like a real secret: not empty, long enough, not a placeholder
    /// (<c>&lt;your-key&gt;</c>, <c>changeme</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>{{ var }}</c>, <c>$(Var)</c>, <c>xxx…</c>,
    /// <c>***</c>), not a reference to configuration or a vault, not a UUID, path, URL without credentials, number or
    /// boolean, and random enough (character classes and entropy, thresholds from DL1005's options).
    /// <paramref name="reason"/> says why, either way.
    /// </summary>
    public static bool LooksLikeSecretValue(string value, RuleOptions options, out string reason)
    {
        options ??= RuleOptions.Default;
        var minLength = Math.Max(1, options.GetInt(RuleCatalog.SecretAssignment, "min_length", 8));
        var minEntropy = options.GetDouble(RuleCatalog.SecretAssignment, "min_entropy", 3.0);
        var v = (value ?? string.Empty).Trim();
        if (v.Length == 0)
        {
            reason = "empty";
            return false;
        }

        if (IsPlaceholder(v, out reason))
        {
            return false;
        }

        if (v.Length < minLength)
        {
            reason = "shorter than " + minLength.ToString(CultureInfo.InvariantCulture) + " characters";
            return false;
        }

        if (v.Length > 4096)
        {
            reason = "too long to be a credential";
            return false;
        }

        var lower = v.ToLowerInvariant();
        foreach (var prefix in LowRiskPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                reason = "a publishable or test-mode key";
                return false;
            }
        }

        if (IsUuid(v))
        {
            reason = "a UUID";
            return false;
        }

        if (v == StorageEmulatorKey)
        {
            reason = "the Azure Storage emulator's published key";
            return false;
        }

        if (v.Length == 40 && v[0] == 'g' && v[1] == 'h' && v[3] == '_' && "pousr".IndexOf(v[2]) >= 0 && !FormatChecks.HasGitHubChecksum(v))
        {
            // GitHub's own format says this is not a token GitHub issued (DL1001 checks the real ones).
            reason = "fails the GitHub token checksum";
            return false;
        }

        if (lower.StartsWith("data:", StringComparison.Ordinal))
        {
            reason = "a data URI";
            return false;
        }

        if (LooksLikeUrl(lower))
        {
            reason = "a URL without credentials";
            return false;
        }

        if (LooksLikePath(v))
        {
            reason = "a file path";
            return false;
        }

        if (IsNumeric(v))
        {
            reason = "a number";
            return false;
        }

        if (LooksLikeName(v))
        {
            reason = "a setting or secret name, not a value";
            return false;
        }

        var spaces = 0;
        foreach (var c in v)
        {
            if (c == ' ')
            {
                spaces++;
            }
        }

        if (spaces >= 2)
        {
            reason = "prose, not a credential";
            return false;
        }

        if (DecodesToPlaceholder(v))
        {
            reason = "base64 of a placeholder";
            return false;
        }

        if (IsDisguisedKeyword(v))
        {
            reason = "a keyword in disguise, not a secret";
            return false;
        }

        if (IsLabel(v))
        {
            reason = "a word or label, not a credential";
            return false;
        }

        if (v.IndexOf('=') > 0 && v.IndexOf(';') > 0)
        {
            reason = "a connection string (DL1003 checks its password)";
            return false;
        }

        var classes = CharacterClasses(v);
        var entropy = FormatChecks.Entropy(v);
        var distinct = new HashSet<char>(v).Count;
        if (distinct <= 3)
        {
            reason = "repeated characters";
            return false;
        }

        if (classes >= 3 && entropy >= Math.Min(minEntropy, 2.5))
        {
            reason = "mixed character classes";
            return true;
        }

        if (classes == 2 && entropy >= minEntropy && distinct >= 6)
        {
            reason = "high entropy";
            return true;
        }

        if (classes == 1 && entropy >= minEntropy + 0.5 && v.Length >= 16 && !IsAlphabeticWordLike(v))
        {
            reason = "high entropy";
            return true;
        }

        reason = "low entropy (" + entropy.ToString("0.00", CultureInfo.InvariantCulture) + " bits per character)";
        return false;
    }

    /// <summary>
    /// Placeholders, template expressions and references to configuration or vaults. Also used on passwords inside
    /// connection strings and URLs, where any non-placeholder value is reported however short it is.
    /// </summary>
    internal static bool IsPlaceholder(string value, out string reason)
    {
        var v = value.Trim();
        var lower = v.ToLowerInvariant();
        if (v.Length == 0)
        {
            reason = "empty";
            return true;
        }

        if ((v[0] == '<' && v[v.Length - 1] == '>') || (v[0] == '[' && v[v.Length - 1] == ']' && v.Length < 64))
        {
            reason = "a placeholder";
            return true;
        }

        if (v[0] == '%' && v[v.Length - 1] == '%' && v.Length > 2)
        {
            reason = "an environment variable reference";
            return true;
        }

        if (v[0] == '$' && v.Length > 1 && (char.IsLetter(v[1]) || v[1] == '_' || v[1] == '{' || v[1] == '('))
        {
            reason = "a variable reference";
            return true;
        }

        if (v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal))
        {
            reason = "a token-replacement placeholder";
            return true;
        }

        if ((v[0] == '{' && v[v.Length - 1] == '}') || HasFormatSpecifier(v) || lower.Contains("{}") || lower.Contains("{0}"))
        {
            reason = "a format placeholder";
            return true;
        }

        if (lower.Contains("(?:") || lower.Contains("[0-9") || lower.Contains("\\d") || lower.Contains("[a-z") || lower.Contains("{1,"))
        {
            reason = "a regular expression";
            return true;
        }

        if (v.StartsWith("--", StringComparison.Ordinal) || (v[v.Length - 1] == '=' && IsKeyName(v.Substring(0, v.Length - 1))))
        {
            reason = "a command-line or key fragment";
            return true;
        }

        foreach (var marker in ReferenceMarkers)
        {
            if (lower.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                reason = "a reference to configuration or a vault";
                return true;
            }
        }

        foreach (var marker in ReferencePrefixes)
        {
            if (lower.StartsWith(marker, StringComparison.Ordinal))
            {
                reason = "a reference to configuration or a vault";
                return true;
            }
        }

        foreach (var word in PlaceholderWords)
        {
            if (lower.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                reason = "a placeholder";
                return true;
            }
        }

        if (v.IndexOf('…') >= 0 || v.IndexOf("...", StringComparison.Ordinal) >= 0)
        {
            reason = "an elided example";
            return true;
        }

        if (NonSecretWords.Contains(lower))
        {
            reason = "a keyword, not a secret";
            return true;
        }

        if (IsMaskLike(v))
        {
            reason = "a mask";
            return true;
        }

        if (lower.Length >= 4 && lower.StartsWith("test", StringComparison.Ordinal) && IsWordLike(lower))
        {
            reason = "a test value";
            return true;
        }

        if (lower.Length > 4 && lower.StartsWith("your", StringComparison.Ordinal) && IsLettersOnly(Unleet(lower.Substring(4)), allowPunctuation: true))
        {
            // "yourpass", "youruser", "yourStrong(!)Password", "YourStrong@Passw0rd": the reader is told to put their
            // own value here (the last two are SQL Server's documented container samples).
            reason = "a placeholder";
            return true;
        }

        if (v.Length > 1 && v[0] == '@' && IsLettersOnly(lower.Substring(1), allowPunctuation: false))
        {
            // "Password=@Password" in a SQL script: a parameter, filled in at run time.
            reason = "a parameter reference";
            return true;
        }

        if (NamesAPassword(lower))
        {
            reason = "names the password instead of holding one";
            return true;
        }


        reason = string.Empty;
        return false;
    }

    /// <summary>
    /// "p@ss(word)", "P@ssw0rd", "Pass@word1", "secret1234", "Password123!": the word "password" (or "secret", …)
    /// spelled with look-alike characters or followed by a counting run. Samples, local containers and test fixtures
    /// use these because they read as a password. They are as guessable as the bare word, but unlike it they pass
    /// complexity rules, so real servers do run with them: connection strings and URLs skip them only for local hosts.
    /// </summary>
    internal static bool IsDisguisedKeyword(string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        if (lower.Length > 32)
        {
            return false;
        }

        var letters = new StringBuilder(lower.Length);
        var end = lower.Length;
        while (end > 0 && (lower[end - 1] == '!' || lower[end - 1] == '.' || lower[end - 1] == '?'))
        {
            end--;
        }

        var digitsStart = end;
        while (digitsStart > 0 && char.IsDigit(lower[digitsStart - 1]))
        {
            digitsStart--;
        }

        if (digitsStart < end && !IsCountingRun(lower.Substring(digitsStart, end - digitsStart)))
        {
            // "secret8271" ends in arbitrary digits: perhaps chosen, so it is judged as a value.
            digitsStart = end;
        }

        var changed = digitsStart < lower.Length;
        for (var i = 0; i < digitsStart; i++)
        {
            var c = lower[i];
            var mapped = c switch
            {
                '@' => 'a',
                '4' => 'a',
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '$' => 's',
                '5' => 's',
                _ => c,
            };
            if (mapped >= 'a' && mapped <= 'z')
            {
                changed |= mapped != c;
                letters.Append(mapped);
            }
            else if (c == '(' || c == ')' || c == '-' || c == '_' || c == '.' || c == '!')
            {
                changed = true;
            }
            else
            {
                return false;
            }
        }

        return changed && (IsKeywordSpelling(letters.ToString()) || IsKeywordSpelling(DropAt(lower, digitsStart)));
    }

    private static bool IsKeywordSpelling(string word) =>
        word == "password" || word == "passwd" || word == "passw" || word == "secret" || word == "pass";

    /// <summary>
    /// The letters of <paramref name="lower"/> up to <paramref name="end"/> with symbols dropped instead of read as
    /// letters ("Pass@word" inserts the '@'); only a zero still reads as an 'o'.
    /// </summary>
    private static string DropAt(string lower, int end)
    {
        var sb = new StringBuilder(end);
        for (var i = 0; i < end; i++)
        {
            var c = lower[i];
            if (c == '0')
            {
                sb.Append('o');
            }
            else if (c >= 'a' && c <= 'z')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Look-alike digits and symbols read as the letters they stand for ("passw0rd" is "password").</summary>
    private static string Unleet(string lower)
    {
        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            sb.Append(c switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '$' => 's',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>"1", "12", "123", "1234", "321": a keyboard run rather than chosen digits.</summary>
    private static bool IsCountingRun(string digits)
    {
        if (digits.Length > 6)
        {
            return false;
        }

        var up = true;
        var down = true;
        for (var i = 1; i < digits.Length; i++)
        {
            up &= digits[i] == digits[i - 1] + 1;
            down &= digits[i] == digits[i - 1] - 1;
        }

        return up || down;
    }

    private static bool IsLettersOnly(string lower, bool allowPunctuation)
    {
        var letters = 0;
        foreach (var c in lower)
        {
            if (c >= 'a' && c <= 'z')
            {
                letters++;
            }
            else if (!allowPunctuation || "_-.()!@".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return letters > 0;
    }

    /// <summary>"app_password", "postgres-password", "my_movies_secret": lower-case words whose last one is the password word.</summary>
    private static bool NamesAPassword(string lower)
    {
        var separator = lower.LastIndexOfAny(new[] { '_', '-' });
        if (separator <= 0 || separator == lower.Length - 1 || !IsLettersOnly(lower, allowPunctuation: true))
        {
            return false;
        }

        var last = lower.Substring(separator + 1);
        return last == "password" || last == "passwd" || last == "pwd" || last == "pass" || last == "secret";
    }

    /// <summary>"username" in "username=": lower-case words, the start of a key=value pair rather than base64 padding.</summary>
    private static bool IsKeyName(string v)
    {
        foreach (var c in v)
        {
            if (!(c >= 'a' && c <= 'z') && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return v.Length > 0;
    }

    /// <summary>Kubernetes Secret data and basic-auth headers are base64: "Y2hhbmdlbWU=" is just "changeme".</summary>
    private static bool DecodesToPlaceholder(string v)
    {
        if (v.Length % 4 != 0 || v.Length > 256)
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!char.IsLetterOrDigit(c) && c != '+' && c != '/' && c != '=')
            {
                return false;
            }
        }

        var decoded = FormatChecks.DecodeBase64Url(v);
        if (decoded == null || decoded.Length == 0)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            if (c < ' ' || c > '~')
            {
                return false;
            }
        }

        var colon = decoded.IndexOf(':');
        var secretPart = colon >= 0 ? decoded.Substring(colon + 1) : decoded;
        return IsPlaceholder(secretPart, out _) || secretPart.Length < 4;
    }

    /// <summary>printf-style "%s" or "%d" standing alone ("--password=%s"), not inside random text ("X%dH2").</summary>
    private static bool HasFormatSpecifier(string v)
    {
        for (var i = 0; i + 1 < v.Length; i++)
        {
            if (v[i] == '%' && (v[i + 1] == 's' || v[i + 1] == 'd') && (i + 2 == v.Length || !char.IsLetterOrDigit(v[i + 2])))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsUuid(string v)
    {
        var s = v.Trim('{', '}');
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !IsHex(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMaskLike(string v)
    {
        // "****", "xxxxxxxx", "XXXX-XXXX", "........": one repeated filler, perhaps with separators.
        var filler = 0;
        var other = 0;
        foreach (var c in v)
        {
            if (c == '*' || c == 'x' || c == 'X' || c == '.' || c == '#' || c == '•' || c == '?')
            {
                filler++;
            }
            else if (c != '-' && c != '_' && c != ' ')
            {
                other++;
            }
        }

        return filler >= 3 && other <= filler / 4;
    }

    private static bool LooksLikeUrl(string lower)
    {
        var scheme = lower.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || scheme > 20)
        {
            return false;
        }

        for (var i = 0; i < scheme; i++)
        {
            var c = lower[i];
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikePath(string v)
    {
        if (v.StartsWith("/", StringComparison.Ordinal) && v.IndexOf('/', 1) > 0)
        {
            return true;
        }

        if (v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal) ||
            v.StartsWith(".\\", StringComparison.Ordinal) || v.StartsWith("\\\\", StringComparison.Ordinal))
        {
            return true;
        }

        if (v.Length > 3 && char.IsLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/'))
        {
            return true;
        }

        var lower = v.ToLowerInvariant();
        foreach (var ext in new[] { ".pem", ".key", ".pfx", ".p12", ".crt", ".cer", ".jks", ".json", ".txt", ".yaml", ".yml", ".env", ".keystore", ".ppk", ".gpg", ".asc" })
        {
            if (lower.EndsWith(ext, StringComparison.Ordinal) && IsWordLike(lower.Substring(0, lower.Length - ext.Length).Replace("/", "-")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ENV_VAR_NAMES, dotted.setting.names, Section:Key paths and kebab-case secret names are names, not values.</summary>
    private static bool LooksLikeName(string v)
    {
        var upperSnake = true;
        var separators = 0;
        foreach (var c in v)
        {
            if (c == '_' || c == '.' || c == ':' || c == '-' || c == '+')
            {
                separators++;
            }
            else if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'))
            {
                upperSnake = false;
            }
        }

        // DB_PASSWORD, and AS+API+TOKEN (a name with its spaces URL-encoded).
        if (upperSnake && separators > 0 && (v.IndexOf('_') >= 0 || v.IndexOf('+') >= 0))
        {
            return true;
        }

        // db-password, api.token, Secrets:Stripe:ApiKey — words joined by separators, one of them a secret word.
        if (separators > 0 && IsWordLike(v.ToLowerInvariant()) && !HasRandomRun(v))
        {
            foreach (var word in Words(v))
            {
                if (IsSecretWord(word) || word == "key" || word == "secrets" || word == "keyvault" || word == "vault")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasRandomRun(string v)
    {
        var run = 0;
        var digits = false;
        var letters = false;
        foreach (var c in v)
        {
            if (char.IsLetterOrDigit(c))
            {
                run++;
                digits |= char.IsDigit(c);
                letters |= char.IsLetter(c);
                if (run >= 12 && digits && letters)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
                digits = letters = false;
            }
        }

        return false;
    }

    /// <summary>Lower-case letters, digits and separators only, with at least one letter.</summary>
    private static bool IsWordLike(string lower)
    {
        var letters = 0;
        foreach (var c in lower)
        {
            if (c >= 'a' && c <= 'z')
            {
                letters++;
            }
            else if (!(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.' && c != ':')
            {
                return false;
            }
        }

        return letters > 0;
    }

    private static bool IsAlphabeticWordLike(string v)
    {
        // A single-class value made only of letters is usually a word or a name ("development", "ProductionCluster").
        foreach (var c in v)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        var vowels = 0;
        foreach (var c in v.ToLowerInvariant())
        {
            if ("aeiou".IndexOf(c) >= 0)
            {
                vowels++;
            }
        }

        return vowels * 4 >= v.Length;
    }

    /// <summary>
    /// UI text and names in any language ("Zugangsschlüssel", "API-Schlüssel", "Mot-de-passe"): letters and a few
    /// separators, no digits. Generated secrets almost always contain digits (a 24-character base64 value has none in
    /// under 1% of cases), so a letters-only value counts as a label unless it is long and has the low vowel share of
    /// random letters.
    /// </summary>
    private static bool IsLabel(string v)
    {
        var letters = 0;
        var vowels = 0;
        foreach (var c in v)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if ("aeiouyäöüéèêàáâíìóòôúùåæøAEIOUYÄÖÜÉÈÀÁÍÓÚ".IndexOf(c) >= 0)
                {
                    vowels++;
                }
            }
            else if (" -_.,!?'’:".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return letters >= v.Length * 0.8 && (v.Length < 24 || vowels >= letters * 0.3);
    }

    private static bool IsNumeric(string v)
    {
        var digits = 0;
        foreach (var c in v)
        {
            if (c >= '0' && c <= '9')
            {
                digits++;
            }
            else if (c != '.' && c != ',' && c != '-' && c != '+' && c != '_' && c != ' ')
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static int CharacterClasses(string v)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in v)
        {
            if (c >= 'a' && c <= 'z')
            {
                lower = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                upper = true;
            }
            else if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else if (char.IsLower(c))
            {
                lower = true;
            }
            else if (char.IsUpper(c))
            {
                upper = true;
            }
            else if (c != ' ')
            {
                symbol = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static bool IsSecretWord(string word)
    {
        if (SecretWords.Contains(word))
        {
            return true;
        }

        foreach (var suffix in SecretSuffixes)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void JoinCompounds(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var next = words[i + 1];
            if ((next == "key" && KeyQualifiers.Contains(words[i])) ||
                (next == "string" && (words[i] == "connection" || words[i] == "conn")) ||
                (next == "str" && words[i] == "conn") ||
                (next == "secret" && words[i] == "client") ||
                (next == "token" && (words[i] == "access" || words[i] == "refresh" || words[i] == "auth" || words[i] == "sas")))
            {
                words[i] = words[i] + next;
                words.RemoveAt(i + 1);
            }
        }

        // "shared access key", "personal access token"
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "shared" && words[i + 1] == "accesskey")
            {
                words[i] = "sharedaccesskey";
                words.RemoveAt(i + 1);
            }
        }
    }

    private static string Normalize(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Splits camelCase, PascalCase, ACRONYMCase, snake_case, kebab-case, dotted and colon paths into lower-case words.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var prev = name[i - 1];
                var boundary =
                    (char.IsUpper(c) && char.IsLower(prev)) ||
                    (char.IsUpper(c) && char.IsUpper(prev) && i + 1 < name.Length && char.IsLower(name[i + 1])) ||
                    (char.IsDigit(c) != char.IsDigit(prev) && !(char.IsDigit(c) && current.Length <= 2 && char.IsLetter(prev) && IsVersionPrefix(current.ToString())));
                if (boundary)
                {
                    Flush();
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static bool IsVersionPrefix(string s) => s == "v";

    private static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
