// Passwords, tokens and secret configuration values written to logs leak to everyone who reads the logs.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Contoso.Accounts;

public sealed record SignInRequest(string UserName, string Password);

public sealed class AccountService(ILogger<AccountService> logger, IConfiguration configuration)
{
    public void SignIn(SignInRequest request, string refreshToken)
    {
        logger.LogInformation("Sign-in for {User} with password {Password}", request.UserName, [|request.Password|]);
        logger.LogDebug($"Refreshing with {[|refreshToken|]}");
        logger.LogDebug("Using API key " + [|configuration["Billing:ApiKey"]|]);
    }
}
