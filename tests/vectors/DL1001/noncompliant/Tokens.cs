// Tokens in C# string literals end up in the compiled assembly as well as in the repository.
namespace Contoso.Notifications;

internal static class Tokens
{
    public const string GitHubAppToken = "[|ghs_6gYYeL3VUyciC1JVbWX3sA7xJR1YCm2iJISI|]";
    public const string OAuthToken = "[|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|]";
    public const string TelegramBot = "[|201498629:AAq3yI7tAPuLdny7XjUYjbUlJCyRGlMojCD|]";
    public const string DiscordBot = "[|NTAwODk1MTY2MDg5MDMyOTAy.rvtyGp.XG8UyywU8irKgSCJ8eNtI6YnANpH1j9OKMqgis|]";
    public const string ServiceJwt = "[|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMteW5jZ3VnIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvbnRvc28uaW50ZXJuYWwiLCJleHAiOjE4OTM0NTYwMDB9.bdOzdOmG-0QCfT-_2hRUzGSZkc37gf8s8ZpTpHpF2CA|]";
    public static readonly string SasUrl = "https://contosodata.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=[|rnD9RahcVHEwlz5Z8Pi0mSMtltWBsB0BJBmfzy2x3nM%3D|]";
}
