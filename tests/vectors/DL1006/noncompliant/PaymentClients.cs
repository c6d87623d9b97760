// Literal credentials handed straight to credential APIs ship in the assembly and in git history.
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Contoso.Payments;

public sealed class PaymentClients
{
    private const string PfxPassword = {|DL1005:"Pfx#2024-export"|};

    public NetworkCredential SmtpCredential(string user) => new NetworkCredential(user, [|"Q4v!mZ8rLp2w"|]);

    public SymmetricSecurityKey JwtKey() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"payments-jwt-signing-key-2024-Zx81"|]));

    public X509Certificate2 ClientCertificate() => new X509Certificate2("certs/client.pfx", [|PfxPassword|]);

    public Azure.Identity.ClientSecretCredential Graph() =>
        new Azure.Identity.ClientSecretCredential("b7e3c9a1-0000-4f00-9000-1c2d3e4f5a6b", "5f6e7d8c-0000-4b00-8000-9a8b7c6d5e4f", [|"vQ28Q~fakeClientSecretValue.0123456789"|]);

    public void Authorize(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", [|"sk_live_not_really_51H8xYzAbCdEf"|]);
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", [|"3f9a1c7e5b2d4086af1e9c3b7d5a2f40"|]);
    }

    public string ReportingDatabase()
    {
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder
        {
            DataSource = "sql-reporting",
            UserID = "reporting_app",
            Password = [|"R3porting!2024"|],
        };
        return builder.ConnectionString;
    }
}
