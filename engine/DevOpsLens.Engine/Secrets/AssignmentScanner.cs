using System;
using System.Collections.Generic;
using System.IO;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// DL1005 outside C#: a secret-named key assigned a literal that looks like a real secret, in JSON, YAML, .env,
/// INI/properties, XML/.config, shell, PowerShell, Terraform, Bicep, Python, JavaScript, Dockerfiles and notebooks.
/// A hand-written scanner, not a regex: it starts at each occurrence of a secret word, reads the enclosing name, the
/// operator and the value, so its cost is linear in the number of hits.
/// </summary>
internal static class AssignmentScanner
{
    public const string DetectorId = "generic-secret-assignment";

    /// <summary>Substrings every secret name contains (ignoring case); the prefilter looks for these.</summary>
    public static readonly string[] Keywords = { "pass", "pwd", "secret", "token", "key", "cred", "auth", "bearer", "_pat", "-pat", "salt" };

    private const int MaxName = 128;
    private const int MaxValue = 1024;

    // Secret-named keys examined per file; past this the file is generated data, not configuration.
    private const int MaxAssignments = 20000;

    private static readonly HashSet<string> LockFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "packages.lock.json", "composer.lock",
        "gemfile.lock", "cargo.lock", "poetry.lock", "pipfile.lock", "go.sum", "gradle.lockfile", "project.assets.json",
        "bun.lockb", "flake.lock", "mix.lock", "podfile.lock", "pubspec.lock", "uv.lock", ".terraform.lock.hcl",
    };

    // WordPress's cookie-signing keys and salts (wp-config.php); most name no secret word, yet each one forges logins.
    private static readonly HashSet<string> WordPressKeys = new(StringComparer.Ordinal)
    {
        "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT",
    };

    // Dot-files that are key/value credential stores even though their extension says nothing.
    private static readonly HashSet<string> KeyValueFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ".npmrc", ".yarnrc", ".pypirc", ".netrc", ".pgpass", ".git-credentials", "credentials", ".s3cfg", ".boto",
        ".htpasswd", ".dockercfg", "gradle.properties",
    };

    /// <summary>Whether DL1005 runs on this file at all.</summary>
    public static bool AppliesTo(string path, DocumentKind kind)
    {
        if (kind == DocumentKind.CSharp || kind == DocumentKind.Markdown)
        {
            // C#: the analyzer does DL1005 on the syntax tree. Markdown: documentation is full of illustrative values.
            return false;
        }

        var name = Path.GetFileName(path ?? string.Empty);
        return !LockFiles.Contains(name) && !name.EndsWith(".sum", StringComparison.OrdinalIgnoreCase) &&
            !name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".min.map", StringComparison.OrdinalIgnoreCase) &&
            !name.EndsWith(".js.map", StringComparison.OrdinalIgnoreCase);
    }

    public static IEnumerable<Candidate> Find(string text, string path, DocumentKind kind, RuleOptions options, IReadOnlyList<int> hits, IReadOnlyList<string> additionalNames)
    {
        var fileName = Path.GetFileName(path ?? string.Empty);
        var bare = AllowsBareValues(kind, fileName);
        var seen = new HashSet<int>();
        var covered = 0;
        var judged = 0;
        foreach (var hit in hits)
        {
            if (hit < covered)
            {
                // Inside a value already read ("token=secret:password=…" is one value, not three assignments).
                continue;
            }

            var (start, end) = Identifier(text, hit);
            if (end - start <= 0 || end - start > MaxName || !seen.Add(start) || !MayBeAssigned(text, kind, start, end))
            {
                continue;
            }

            var name = text.Substring(start, end - start).Trim('.', '-', ':');
            if (name.Length == 0 || (start > 0 && text[start - 1] == ';'))
            {
                // A key inside "k=v;k=v" is part of a connection string: DL1003 judges those.
                continue;
            }

            if (++judged > MaxAssignments)
            {
                yield break;
            }

            var candidate = TryAssignment(text, kind, bare, start, end, name, options, additionalNames);
            if (candidate != null)
            {
                covered = candidate.End;
                yield return candidate;
            }
        }
    }

    /// <summary>
    /// Cheap test before any allocation: does an operator (or, in Dockerfiles, Bicep and XML, what stands for one)
    /// follow the name? Most keyword hits in code ("token)", "cancellationToken,") fail here.
    /// </summary>
    private static bool MayBeAssigned(string text, DocumentKind kind, int start, int end)
    {
        if (kind == DocumentKind.Xml || kind == DocumentKind.MSBuild || kind == DocumentKind.Dockerfile || kind == DocumentKind.Bicep)
        {
            return true;
        }

        var p = end;
        if (p < text.Length && text[p] == '\\')
        {
            p++;
        }

        if (p < text.Length && (text[p] == '"' || text[p] == '\''))
        {
            p++;
        }

        p = SkipSpaces(text, p);
        return p < text.Length && (text[p] == '=' || text[p] == ':' || (text[p] == ',' && IsDefineName(text, start)));
    }

    /// <summary>
    /// PHP's <c>define('DB_PASSWORD', '…')</c> (how WordPress's wp-config.php and most PHP apps hold their database
    /// password and auth keys): the name is the quoted first argument of a define call.
    /// </summary>
    private static bool IsDefineName(string text, int nameStart)
    {
        var p = nameStart - 1;
        if (p < 0 || (text[p] != '\'' && text[p] != '"'))
        {
            return false;
        }

        p--;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t'))
        {
            p--;
        }

        if (p < 0 || text[p] != '(')
        {
            return false;
        }

        p--;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t'))
        {
            p--;
        }

        const string Define = "define";
        var wordStart = p - Define.Length + 1;
        return wordStart >= 0 && string.Compare(text, wordStart, Define, 0, Define.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
            (wordStart == 0 || !IsNameChar(text[wordStart - 1]));
    }

    private static Candidate? TryAssignment(string text, DocumentKind kind, bool bare, int nameStart, int nameEnd, string name, RuleOptions options, IReadOnlyList<string> additionalNames)
    {
        var isXml = kind == DocumentKind.Xml || kind == DocumentKind.MSBuild;

        // A quoted key may carry a section prefix ("Payments:ApiKey"); the quote then sits before the prefix.
        var keyStart = nameStart;
        while (keyStart > 0 && nameStart - keyStart < MaxName && (IsNameChar(text[keyStart - 1]) || text[keyStart - 1] == ':'))
        {
            keyStart--;
        }

        var quote = QuoteBefore(text, keyStart);
        if (quote.Length > 0 && keyStart < nameStart)
        {
            name = text.Substring(keyStart, nameEnd - keyStart);
            nameStart = keyStart;
        }
        else if (quote.Length == 0)
        {
            quote = QuoteBefore(text, nameStart);
        }

        var pos = nameEnd;
        if (quote.Length > 0)
        {
            if (string.CompareOrdinal(text, pos, quote, 0, quote.Length) == 0)
            {
                pos += quote.Length;
            }
            else
            {
                // The quote belongs to something else (a notebook's JSON string around a code line).
                quote = string.Empty;
            }
        }

        var secretNamed = SecretHeuristics.IsSecretName(name, additionalNames) || (WordPressKeys.Contains(name) && IsDefineName(text, nameStart));
        if (!secretNamed && kind == DocumentKind.Json && quote.Length > 0 && IsBareWord(name))
        {
            // "Jwt": { "Key": "…" } — the parent object's name qualifies a generic key.
            var parent = JsonParentKey(text, nameStart - quote.Length);
            secretNamed = parent != null && SecretHeuristics.IsSecretName(parent + "_" + name, additionalNames);
        }

        if (!secretNamed)
        {
            return null;
        }

        if (isXml && quote.Length > 0 && IsXmlKeyAttribute(text, nameStart - 1))
        {
            return XmlAddValue(text, pos, name, options);
        }

        if (isXml && nameStart > 0 && text[nameStart - 1] == '<')
        {
            return XmlElementValue(text, pos, name, options);
        }

        pos = SkipSpaces(text, pos);
        if (pos >= text.Length)
        {
            return null;
        }

        if (!ReadOperator(text, kind, ref pos, nameStart))
        {
            return null;
        }

        pos = SkipSpaces(text, pos);
        if (!ReadValue(text, kind, bare, pos, out var valueStart, out var valueEnd))
        {
            return null;
        }

        if (IsFragment(text, kind, valueEnd))
        {
            return null;
        }

        return Judge(text, valueStart, valueEnd, name, options);
    }

    /// <summary>In code, a literal followed by +, % or a method call is a piece of a built string, not the value.</summary>
    private static bool IsFragment(string text, DocumentKind kind, int valueEnd)
    {
        if (kind != DocumentKind.Python && kind != DocumentKind.JavaScript && kind != DocumentKind.PowerShell && kind != DocumentKind.Shell &&
            kind != DocumentKind.Notebook && kind != DocumentKind.Other && kind != DocumentKind.Terraform)
        {
            return false;
        }

        var p = SkipSpaces(text, Math.Min(text.Length, valueEnd + 1));
        return p < text.Length && (text[p] == '+' || text[p] == '%' || (text[p] == '.' && p + 1 < text.Length && char.IsLetter(text[p + 1])));
    }

    private static Candidate? Judge(string text, int valueStart, int valueEnd, string name, RuleOptions options)
    {
        if (valueEnd <= valueStart)
        {
            return null;
        }

        var value = text.Substring(valueStart, valueEnd - valueStart);

        // "Authorization": "Bearer abc…" — judge and underline the credential after the scheme word.
        foreach (var scheme in new[] { "Bearer ", "Basic ", "token ", "Token " })
        {
            if (value.StartsWith(scheme, StringComparison.Ordinal) && value.Length > scheme.Length)
            {
                valueStart += scheme.Length;
                value = value.Substring(scheme.Length);
                break;
            }
        }

        if (!SecretHeuristics.LooksLikeSecretValue(value, options, out _) || FormatChecks.IsFirebaseClientConfig(text, valueStart, valueEnd) ||
            FormatChecks.IsSealedSecretCiphertext(text, value))
        {
            return null;
        }

        return new Candidate(RuleCatalog.SecretAssignment, DetectorId, "Secret-named setting", valueStart, valueEnd, name: name);
    }

    private static bool ReadOperator(string text, DocumentKind kind, ref int pos, int nameStart)
    {
        var c = text[pos];
        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        if (c == ',' && IsDefineName(text, nameStart))
        {
            pos++;
            return true;
        }

        if (c == ':' && next == '=')
        {
            pos += 2;
            return kind != DocumentKind.Json && kind != DocumentKind.Yaml;
        }

        if (c == '=' && next == '>')
        {
            pos += 2;
            return true;
        }

        if (c == '=')
        {
            if (next == '=' || next == '~')
            {
                return false;
            }

            pos++;
            return kind != DocumentKind.Json && (kind != DocumentKind.Yaml || IsYamlListItem(text, nameStart));
        }

        if (c == ':')
        {
            if (next == ':')
            {
                return false;
            }

            pos++;
            switch (kind)
            {
                case DocumentKind.Shell:
                case DocumentKind.PowerShell:
                case DocumentKind.DotEnv:
                case DocumentKind.Dockerfile:
                case DocumentKind.Xml:
                case DocumentKind.MSBuild:
                    return false;
                case DocumentKind.Yaml:
                    // YAML needs "key: value"; "key:value" is a plain scalar.
                    return pos >= text.Length || text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n';
                default:
                    return true;
            }
        }

        if (kind == DocumentKind.Dockerfile && (c == ' ' || c == '\t' || char.IsLetterOrDigit(c) || c == '"' || c == '\'') && LineStartsWith(text, nameStart, "ENV"))
        {
            // ENV NAME value (the legacy space form); the caller already skipped the spaces.
            return true;
        }

        if (kind == DocumentKind.Bicep && (StartsWithWord(text, pos, "string") || StartsWithWord(text, pos, "securestring")))
        {
            // param adminPassword string = '…'
            var eq = SkipSpaces(text, pos + (StartsWithWord(text, pos, "string") ? 6 : 12));
            if (eq < text.Length && text[eq] == '=')
            {
                pos = eq + 1;
                return true;
            }
        }

        return false;
    }

    private static bool ReadValue(string text, DocumentKind kind, bool bare, int pos, out int start, out int end)
    {
        start = end = pos;
        if (pos >= text.Length)
        {
            return false;
        }

        var c = text[pos];
        if (c == '\\' && pos + 1 < text.Length && text[pos + 1] == '"')
        {
            // JSON-escaped quote (notebook source, JSON inside JSON): the value ends at the next \".
            start = pos + 2;
            var close = IndexOfOnLine(text, "\\\"", start);
            if (close < 0)
            {
                return false;
            }

            end = close;
            return true;
        }

        if (c == '"' || c == '\'' || c == '`')
        {
            if (c == '"' && pos + 2 < text.Length && text[pos + 1] == '"' && text[pos + 2] == '"')
            {
                return false;
            }

            start = pos + 1;
            for (var i = start; i < text.Length && i - start < MaxValue; i++)
            {
                var ch = text[i];
                if (ch == '\n' || ch == '\r')
                {
                    return false;
                }

                if (ch == '\\' && kind != DocumentKind.PowerShell && c != '\'')
                {
                    i++;
                    continue;
                }

                if (ch == c)
                {
                    end = i;
                    return true;
                }
            }

            return false;
        }

        if (!bare || c == '$' || c == '{' || c == '[' || c == '(' || c == '!' || c == '|' || c == '>' || c == '&' || c == '*' || c == '\r' || c == '\n')
        {
            return false;
        }

        var lineEnd = pos;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r' && lineEnd - pos < MaxValue)
        {
            lineEnd++;
        }

        var stopAtSpace = kind == DocumentKind.Shell || kind == DocumentKind.DotEnv || kind == DocumentKind.Dockerfile;
        var e = pos;
        while (e < lineEnd)
        {
            var ch = text[e];
            if (stopAtSpace && (ch == ' ' || ch == '\t' || ch == ';' || ch == '&' || ch == '|' || ch == '`'))
            {
                break;
            }

            if ((ch == '#' || ch == ';') && e > pos && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            {
                break;
            }

            e++;
        }

        while (e > pos && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == ','))
        {
            e--;
        }

        // docker run -e "SA_PASSWORD=value", compose's - "DB_PASSWORD=value": the quote around the whole assignment
        // closes it and is not part of the value.
        if (e > pos + 1 && (text[e - 1] == '"' || text[e - 1] == '\'') && text.IndexOf(text[e - 1], pos, e - 1 - pos) < 0)
        {
            e--;
        }

        end = e;
        return end > start;
    }

    private static Candidate? XmlAddValue(string text, int pos, string name, RuleOptions options)
    {
        // <add key="ApiKey" value="…" />: find value="…" before the tag closes.
        var tagEnd = text.IndexOf('>', pos, Math.Min(1024, text.Length - pos));
        var limit = tagEnd < 0 ? Math.Min(text.Length, pos + 1024) : tagEnd;
        var at = pos;
        while (at < limit)
        {
            var v = text.IndexOf("value", at, limit - at, StringComparison.OrdinalIgnoreCase);
            if (v < 0)
            {
                return null;
            }

            var p = SkipSpaces(text, v + 5);
            if (p < limit && text[p] == '=' && (v == 0 || char.IsWhiteSpace(text[v - 1])))
            {
                p = SkipSpaces(text, p + 1);
                if (p < limit && (text[p] == '"' || text[p] == '\''))
                {
                    var close = text.IndexOf(text[p], p + 1, limit - p - 1);
                    return close < 0 ? null : Judge(text, p + 1, close, name, options);
                }

                return null;
            }

            at = v + 5;
        }

        return null;
    }

    private static Candidate? XmlElementValue(string text, int pos, string name, RuleOptions options)
    {
        // <Password>…</Password>
        if (pos >= text.Length || text[pos] != '>')
        {
            return null;
        }

        var start = pos + 1;
        var close = text.IndexOf("</", start, Math.Min(MaxValue, text.Length - start), StringComparison.Ordinal);
        if (close < 0 || text.IndexOf('\n', start, close - start) >= 0)
        {
            return null;
        }

        return Judge(text, start, close, name, options);
    }

    private static bool IsXmlKeyAttribute(string text, int quotePos)
    {
        // quotePos is the opening quote of an attribute value; the attribute must be key= or name=.
        var p = quotePos - 1;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t'))
        {
            p--;
        }

        if (p < 0 || text[p] != '=')
        {
            return false;
        }

        p--;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t'))
        {
            p--;
        }

        var wordEnd = p + 1;
        while (p >= 0 && char.IsLetter(text[p]))
        {
            p--;
        }

        var attribute = text.Substring(p + 1, wordEnd - p - 1);
        return string.Equals(attribute, "key", StringComparison.OrdinalIgnoreCase) || string.Equals(attribute, "name", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name of the JSON object enclosing <paramref name="pos"/>, scanning back at most 4 KB.</summary>
    private static string? JsonParentKey(string text, int pos)
    {
        var depth = 0;
        for (var i = pos - 1; i >= 0 && pos - i < 4096; i--)
        {
            var c = text[i];
            if (c == '}' || c == ']')
            {
                depth++;
            }
            else if (c == '[' && depth > 0)
            {
                depth--;
            }
            else if (c == '{')
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                var p = i - 1;
                while (p >= 0 && char.IsWhiteSpace(text[p]))
                {
                    p--;
                }

                if (p < 0 || text[p] != ':')
                {
                    return null;
                }

                p--;
                while (p >= 0 && char.IsWhiteSpace(text[p]))
                {
                    p--;
                }

                if (p < 0 || text[p] != '"')
                {
                    return null;
                }

                var close = p;
                var open = text.LastIndexOf('"', close - 1, Math.Min(close, MaxName));
                return open < 0 ? null : text.Substring(open + 1, close - open - 1);
            }
        }

        return null;
    }

    private static (int Start, int End) Identifier(string text, int hit)
    {
        var start = hit;
        while (start > 0 && hit - start < MaxName && IsNameChar(text[start - 1]))
        {
            start--;
        }

        var end = hit;
        while (end < text.Length && end - hit < MaxName && IsNameChar(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsNameChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';

    private static bool IsBareWord(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string QuoteBefore(string text, int nameStart)
    {
        if (nameStart >= 2 && text[nameStart - 1] == '"' && text[nameStart - 2] == '\\')
        {
            return "\\\"";
        }

        if (nameStart >= 1 && (text[nameStart - 1] == '"' || text[nameStart - 1] == '\''))
        {
            return text[nameStart - 1].ToString();
        }

        return string.Empty;
    }

    private static bool AllowsBareValues(DocumentKind kind, string fileName)
    {
        switch (kind)
        {
            case DocumentKind.Yaml:
            case DocumentKind.DotEnv:
            case DocumentKind.Shell:
            case DocumentKind.Properties:
            case DocumentKind.Dockerfile:
            case DocumentKind.PlainText:
                return true;
            default:
                return KeyValueFiles.Contains(fileName);
        }
    }

    private static bool IsYamlListItem(string text, int nameStart)
    {
        // docker-compose "environment:\n  - DB_PASSWORD=…"
        var p = nameStart - 1;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t' || text[p] == '"' || text[p] == '\''))
        {
            p--;
        }

        return p >= 0 && text[p] == '-';
    }

    private static bool LineStartsWith(string text, int pos, string word)
    {
        var lineStart = pos;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        var p = SkipSpaces(text, lineStart);
        return StartsWithWord(text, p, word);
    }

    private static bool StartsWithWord(string text, int pos, string word) =>
        pos + word.Length < text.Length && string.Compare(text, pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
        (text[pos + word.Length] == ' ' || text[pos + word.Length] == '\t');

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t'))
        {
            pos++;
        }

        return pos;
    }

    private static int IndexOfOnLine(string text, string value, int start)
    {
        var lineEnd = text.IndexOf('\n', start);
        var limit = lineEnd < 0 ? text.Length : lineEnd;
        limit = Math.Min(limit, start + MaxValue);
        return limit <= start ? -1 : text.IndexOf(value, start, limit - start, StringComparison.Ordinal);
    }
}
