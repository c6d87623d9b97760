using System.Text;
using System.Text.Json;

namespace DevOpsLens.History.Mining;

/// <summary>
/// Append-only JSON-lines cache keyed by commit id: <c>history-v1.jsonl</c> (mined commits) and
/// <c>szz-v1.jsonl</c> (blame results of fix commits). Commit ids never change meaning, so entries never
/// go stale; a torn or unreadable line is skipped and its commit mined again.
/// </summary>
internal sealed class HistoryCache
{
    public const string HistoryFileName = "history-v1.jsonl";
    public const string SzzFileName = "szz-v1.jsonl";

    private readonly string? _directory;

    public HistoryCache(string? directory)
    {
        _directory = directory;
    }

    public Dictionary<string, CommitRecord> LoadCommits() => Load<CommitRecord>(HistoryFileName, r => r.Id);

    public Dictionary<string, SzzRecord> LoadSzz() => Load<SzzRecord>(SzzFileName, r => r.Fix);

    public void AppendCommits(IReadOnlyCollection<CommitRecord> records) => Append(HistoryFileName, records);

    public void AppendSzz(IReadOnlyCollection<SzzRecord> records) => Append(SzzFileName, records);

    private Dictionary<string, T> Load<T>(string fileName, Func<T, string> key)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (_directory is null)
        {
            return result;
        }

        var path = Path.Combine(_directory, fileName);
        try
        {
            if (!File.Exists(path))
            {
                return result;
            }

            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    var record = JsonSerializer.Deserialize<T>(line);
                    if (record is not null && key(record).Length > 0)
                    {
                        result[key(record)] = record;
                    }
                }
                catch (JsonException)
                {
                    // A line torn by an interrupted run: that commit is simply mined again.
                }
            }
        }
        catch (IOException)
        {
            result.Clear();
        }
        catch (UnauthorizedAccessException)
        {
            result.Clear();
        }

        return result;
    }

    private void Append<T>(string fileName, IReadOnlyCollection<T> records)
    {
        if (_directory is null || records.Count == 0)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(_directory);
            var builder = new StringBuilder();
            foreach (var record in records)
            {
                builder.Append(JsonSerializer.Serialize(record)).Append('\n');
            }

            File.AppendAllText(Path.Combine(_directory, fileName), builder.ToString(), new UTF8Encoding(false));
        }
        catch (IOException)
        {
            // A read-only checkout still gets a score; it just mines again next time.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
