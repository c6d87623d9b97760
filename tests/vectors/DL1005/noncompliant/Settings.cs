// A secret-named constant holding a literal password: the C# analyzer reports it (the engine leaves DL1005 in C# to it).
namespace Contoso;

internal static class Settings
{
    public const string Password = [|"Xk9#mQ2vLp7wRz4t"|];
}
