// A feed URL with embedded credentials in code is visible in the binary and in every request log.
namespace Contoso.Build;

internal static class Feeds
{
    public const string Internal = "https://packages:[|ifHCHP3F3b!6i1xY|]@nuget.contoso.internal/v3/index.json";
}
