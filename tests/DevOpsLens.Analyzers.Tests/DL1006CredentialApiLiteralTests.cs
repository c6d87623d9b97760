using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.CredentialApiLiteralAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL1006CredentialApiLiteralTests
{
    [Fact]
    public Task Reports_literals_passed_to_credential_constructors() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Security.Cryptography.X509Certificates;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        class Clients
        {
            const string SigningKey = "c2VjcmV0LXNpZ25pbmcta2V5LXZhbHVlLTEyMzQ1Ng==";

            void Create(string user)
            {
                var credential = new NetworkCredential(user, [|"Winter2024!"|]);
                var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"my-super-secret-signing-key-0123456789"|]));
                var key2 = new SymmetricSecurityKey(System.Convert.FromBase64String([|SigningKey|]));
                var cert = new X509Certificate2("client.pfx", [|"pfx-pass"|]);
                var azure = new Azure.Identity.ClientSecretCredential("tenant", "client-id", [|"kX8Q~abc.def-ghiJKLmnoPQRstuVWxyz012345"|]);
                var aws = new Amazon.Runtime.BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", [|"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"|]);
                var storage = new Azure.Storage.StorageSharedKeyCredential("account", [|"bm90LWEtcmVhbC1rZXk="|]);
                var search = new Azure.AzureKeyCredential([|"0123456789abcdef0123456789abcdef"|]);
                var openAi = new System.ClientModel.ApiKeyCredential([|$"sk-proj-abc123"|]);
            }
        }
        """);

    [Fact]
    public Task Reports_builder_passwords_and_authorization_headers() => VerifyCS.VerifyAnalyzerAsync(""""
        using System.Net.Http;
        using System.Net.Http.Headers;

        class Db
        {
            string Build(HttpClient http)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", [|"eyJhbGciOiJIUzI1NiJ9.e30.abc"|]);
                http.DefaultRequestHeaders.Add("Authorization", [|"Basic " + "dXNlcjpwYXNz"|]);
                var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "db", UserID = "app", Password = [|@"P@ssw0rd"|] };
                var pg = new Npgsql.NpgsqlConnectionStringBuilder();
                pg.Password = [|"""
                    pg-secret
                    """|];
                sql["Password"] = [|"other"|];
                return sql.ConnectionString + pg.ConnectionString;
            }
        }
        """");

    [Fact]
    public Task Does_not_report_values_from_configuration_or_empty_strings() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using Microsoft.Extensions.Configuration;

        class Clients(IConfiguration configuration, HttpClient http)
        {
            void Create(string user, string token)
            {
                var credential = new NetworkCredential(user, configuration["Smtp:Password"]);
                var anonymous = new NetworkCredential("anonymous", "");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                http.DefaultRequestHeaders.Add("Accept", "application/json");
                var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "db", Password = Environment.GetEnvironmentVariable("DB_PASSWORD")! };
                var azure = new Azure.Identity.ClientSecretCredential("tenant-id", "client-id", configuration["AzureAd:ClientSecret"]!);
            }
        }
        """);

    [Fact]
    public Task Reports_literals_for_sdk_types_whose_packages_are_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        class Clients
        {
            void Create(string tenant, string clientId, string secretFromVault)
            {
                var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"my-super-secret-signing-key-0123456789"|]));
                var azure = new Azure.Identity.ClientSecretCredential("tenant", "client-id", [|"kX8Q~abc.def-ghiJKLmnoPQRstuVWxyz012345"|]);
                var named = new Azure.Identity.ClientSecretCredential(clientSecret: [|"kX8Q~abc.def-ghiJKLmnoPQRstuVWxyz012345"|], tenantId: tenant, clientId: clientId);
                var aws = new Amazon.Runtime.BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", [|"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"|]);
                var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "db", UserID = "app", Password = [|"R3porting!2024"|] };
                var npgsql = new Npgsql.NpgsqlConnectionStringBuilder();
                npgsql.Password = [|"R3porting!2024"|];
            }
        }
        """);

    [Fact]
    public Task Reports_mailkit_passwords_whose_package_is_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Text;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;

        class Notifier
        {
            async Task SendAsync(string user, string fromVault)
            {
                using var client = new SmtpClient();
                await client.AuthenticateAsync("alerts@fabrikam.example", [|"kettle42orbit"|]);
                client.Authenticate(Encoding.UTF8, "legacy@fabrikam.example", [|"Wq7!harbor"|]);
                client.Authenticate(password: [|"tundra-88-Lantern"|], userName: user);
                await client.AuthenticateAsync(user, fromVault);
                client.Authenticate("username", "password");
                var other = new Contoso.Gateway();
                other.Authenticate("svc", "not-a-mail-client");
            }
        }
        """);

    [Fact]
    public Task Does_not_report_ids_or_runtime_values_for_sdk_types_whose_packages_are_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        class Clients
        {
            void Create(string tenant, string clientId, string secretFromVault, byte[] keyBytes)
            {
                var key = new SymmetricSecurityKey(keyBytes);
                var azure = new Azure.Identity.ClientSecretCredential("b7e3c9a1-0000-4f00-9000-1c2d3e4f5a6b", "client-id", secretFromVault);
                var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "db", UserID = "app", Password = secretFromVault };
                var other = new Contoso.Widget("not-a-credential-slot-value");
                var settings = new Contoso.Settings { Password = "not-a-connection-string-builder" };
            }
        }
        """);
}
