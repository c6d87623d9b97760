// Code that builds a connection string from configuration, and SQL that mentions a password column.
namespace Contoso.Data;

internal static class Queries
{
    public const string ResetPassword = "UPDATE users SET password=@password WHERE id=@id";
    public const string Template = "Server={0};Database={1};User Id={2};Password={3};";
    public static string Build(string server, string password) => $"Server={server};Database=orders;Password={password};";
}
