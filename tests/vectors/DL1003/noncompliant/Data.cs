// A connection string compiled into the service cannot be rotated without a release.
namespace Contoso.Data;

internal static class Db
{
    public const string Legacy = "Data Source=sql01;Initial Catalog=legacy;User Id=legacy_app;Password=[|S3cure!Legacy2024|];";
    public const string Reporting = "Server=mysql01;Port=3306;Database=reports;Uid=reporter;Pwd=[|Qm9&zX2pLr7|];";
}
