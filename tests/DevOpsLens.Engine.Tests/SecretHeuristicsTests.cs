using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Secrets;

namespace DevOpsLens.Engine.Tests;

public sealed class SecretHeuristicsTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("DB_PASSWORD")]
    [InlineData("db-password")]
    [InlineData("adminPassword")]
    [InlineData("administrator_login_password")]
    [InlineData("smtp.password")]
    [InlineData("SMTP_PASS")]
    [InlineData("passwd")]
    [InlineData("pwd")]
    [InlineData("ApiKey")]
    [InlineData("API_KEY")]
    [InlineData("api-key")]
    [InlineData("apikey")]
    [InlineData("x-api-key")]
    [InlineData("APIKey")]
    [InlineData("AccessKey")]
    [InlineData("aws_secret_access_key")]
    [InlineData("private_key")]
    [InlineData("ClientSecret")]
    [InlineData("client-secret")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("accessToken")]
    [InlineData("_authToken")]
    [InlineData("auth")]
    [InlineData("credentials")]
    [InlineData("ConnectionString")]
    [InlineData("connection_string")]
    [InlineData("SECRET_KEY")]
    [InlineData("secret_key_base")]
    [InlineData("JwtSigningKey")]
    [InlineData("Payments:ApiKey")]
    [InlineData("API_KEY_PROD")]
    [InlineData("AZURE_DEVOPS_PAT")]
    [InlineData("GITHUB_PAT")]
    [InlineData("passphrase")]
    public void Secret_names(string name) => Assert.True(SecretHeuristics.IsSecretName(name), name);

    [Theory]
    [InlineData("PasswordLength")]
    [InlineData("MinPasswordLength")]
    [InlineData("TokenEndpoint")]
    [InlineData("TokenUrl")]
    [InlineData("SecretName")]
    [InlineData("secretRef")]
    [InlineData("PasswordPolicy")]
    [InlineData("tokenizer")]
    [InlineData("passwordHash")]
    [InlineData("password_file")]
    [InlineData("CancellationToken")]
    [InlineData("cancellationToken")]
    [InlineData("nextPageToken")]
    [InlineData("public_key")]
    [InlineData("PublishableKey")]
    [InlineData("access_key_id")]
    [InlineData("AccessKeyId")]
    [InlineData("key")]
    [InlineData("primaryKey")]
    [InlineData("TokenType")]
    [InlineData("RequirePassword")]
    [InlineData("IsTokenValid")]
    [InlineData("author")]
    [InlineData("bypass")]
    [InlineData("passport")]
    [InlineData("pass")]
    [InlineData("keyboard")]
    [InlineData("AuthorizationEndpoint")]
    [InlineData("ConnectionStrings")]
    [InlineData("monkey")]
    [InlineData("HEX_PAT")]
    [InlineData("ZONE_ID_PAT")]
    public void Not_secret_names(string name) => Assert.False(SecretHeuristics.IsSecretName(name), name);

    [Theory]
    [InlineData("Xk9#mQ2vLp7wRz4t")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("a8f5f167f44f4964e6c998dee827110c")]
    [InlineData("wJ2kLq9PzXh7Gd4R")]
    [InlineData("django-insecure-3kq!9z@w^x2m7p$e")]
    [InlineData("cGFzc3dvcmQxMjM0NTY3OA==")]
    [InlineData("kcmb4ipivX%dH26C")]
    [InlineData("S3ZxOCNtWjIha1I0cEx3OXg=")]
    [InlineData("Secret8271!")]
    [InlineData("Passw0rd-7Qx2")]
    [InlineData("yours3cr3t!2Kq")]
    public void Secret_values(string value) => Assert.True(SecretHeuristics.LooksLikeSecretValue(value, RuleOptions.Default, out var reason), value + ": " + reason);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("<your-key>", "placeholder")]
    [InlineData("changeme", "placeholder")]
    [InlineData("${DB_PASSWORD}", "reference")]
    [InlineData("%API_KEY%", "reference")]
    [InlineData("{{ .Values.password }}", "reference")]
    [InlineData("$(ClientSecret)", "reference")]
    [InlineData("#{ApiKey}#", "reference")]
    [InlineData("__ClientSecret__", "placeholder")]
    [InlineData("xxxxxxxxxxxxxxxx", "mask")]
    [InlineData("****************", "mask")]
    [InlineData("your_api_key_here", "placeholder")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/Db/)", "reference")]
    [InlineData("secretref:db-password", "reference")]
    [InlineData("vault:secret/data/db#password", "reference")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "uuid")]
    [InlineData("/run/secrets/db_password", "path")]
    [InlineData("C:\\secrets\\db.txt", "path")]
    [InlineData("certs/server.pem", "path")]
    [InlineData("https://login.contoso.com/token", "url")]
    [InlineData("1234567890", "number")]
    [InlineData("true", "boolean")]
    [InlineData("DB_PASSWORD", "name")]
    [InlineData("orders-db-password", "name")]
    [InlineData("Enter your password here", "prose")]
    [InlineData("test-password", "test value")]
    [InlineData("example-token-value", "placeholder")]
    [InlineData("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "test key")]
    [InlineData("development", "word")]
    [InlineData("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg", "data uri")]
    [InlineData("short", "length")]
    [InlineData(" --username=%s --password=%s", "format string")]
    [InlineData("[0-9A-Fa-f]{1,4}", "regex")]
    [InlineData("mypass", "placeholder")]
    [InlineData("Y2hhbmdlbWU=", "base64 of changeme")]
    [InlineData("--username=", "fragment")]
    [InlineData("ghs_…", "elided")]
    [InlineData("sk-proj-...", "elided")]
    [InlineData("Zugangsschlüssel", "label")]
    [InlineData("ghp_aB7cD8eF9gH0jK1mN2pQ3rS4tU5vW62M5jQN", "bad checksum")]
    [InlineData("p@ss(word)", "the word password in disguise")]
    [InlineData("P@ssw0rd!", "the word password in disguise")]
    [InlineData("secret1234", "a keyword and a counting run")]
    [InlineData("Password123!", "a keyword and a counting run")]
    [InlineData("yourStrongPassword", "a your… placeholder")]
    public void Non_secret_values(string value, string why)
    {
        Assert.False(SecretHeuristics.LooksLikeSecretValue(value, RuleOptions.Default, out var reason), value + " (" + why + ")");
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Additional_names_extend_the_secret_names()
    {
        var options = new RuleOptions(new Dictionary<string, string> { ["devopslens.DL1005.additional_names"] = "license_code, hmac_seed" });
        Assert.False(SecretHeuristics.IsSecretName("LicenseCode"));
        Assert.True(SecretHeuristics.IsSecretName("LicenseCode", options));
        Assert.True(SecretHeuristics.IsSecretName("HMAC_SEED", options));
        Assert.False(SecretHeuristics.IsSecretName("license_type", options));
    }

    [Fact]
    public void Min_entropy_option_raises_the_bar()
    {
        var strict = new RuleOptions(new Dictionary<string, string> { ["devopslens.DL1005.min_entropy"] = "4.5" });
        Assert.True(SecretHeuristics.LooksLikeSecretValue("a8f5f167f44f4964e6c998dee827110c", RuleOptions.Default, out _));
        Assert.False(SecretHeuristics.LooksLikeSecretValue("a8f5f167f44f4964e6c998dee827110c", strict, out _));
    }
}
