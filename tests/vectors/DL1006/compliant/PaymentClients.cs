// Credentials come from configuration, a managed identity or the environment; empty strings are not credentials.
using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Contoso.Payments;

public sealed class PaymentClients(IConfiguration configuration)
{
    public NetworkCredential SmtpCredential(string user) => new NetworkCredential(user, configuration["Smtp:Password"]);

    public NetworkCredential Anonymous() => new NetworkCredential("anonymous", string.Empty);

    public SymmetricSecurityKey JwtKey() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:SigningKey"]!));

    public X509Certificate2 ClientCertificate() =>
        new X509Certificate2("certs/client.pfx", Environment.GetEnvironmentVariable("CLIENT_PFX_PASSWORD"));

    public Azure.Core.TokenCredential Graph() => new Azure.Identity.DefaultAzureCredential();

    public void Authorize(HttpClient http, string accessToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + accessToken);
        http.DefaultRequestHeaders.Add("Accept", "application/json");
    }

    public string ReportingDatabase()
    {
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder
        {
            DataSource = "sql-reporting",
            UserID = "reporting_app",
            Password = configuration["Reporting:Password"] ?? throw new InvalidOperationException("Reporting:Password is not configured"),
        };
        return builder.ConnectionString;
    }
}
