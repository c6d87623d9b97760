// Only non-secret facts about credentials are logged: who, how long, whether present, when they expire.
using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Contoso.Accounts;

public sealed record SignInRequest(string UserName, string Password);

public sealed class AccountService(ILogger<AccountService> logger, IConfiguration configuration)
{
    public void SignIn(SignInRequest request, string refreshToken, DateTimeOffset tokenExpiry)
    {
        logger.LogInformation("Sign-in for {User}", request.UserName);
        logger.LogDebug("Password length {Length}, refresh token present {HasToken}", request.Password.Length, refreshToken.Length > 0);
        logger.LogDebug("Token expires at {Expiry}", tokenExpiry);
        logger.LogDebug("Billing endpoint {Endpoint}", configuration["Billing:Endpoint"]);
    }
}
