// DL1005 in C# is the Roslyn analyzer's job; the engine reports only provider formats in C# files.
namespace Contoso;

internal static class Settings
{
    public const string Password = "Xk9#mQ2vLp7wRz4t";
}
