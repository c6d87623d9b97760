// The same kind of value in the service's own seeding code ships with the service: a default password anyone can read.
namespace Contoso.Identity;

public sealed class SeedUsers
{
    public LoginRequest Administrator() => new LoginRequest { Email = "admin@contoso.example", Password = [|"Sp4rrow!Tide9"|] };
}

public sealed class LoginRequest
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}
