using System.Globalization;
using DevOpsLens.History.Risk;

namespace DevOpsLens.History.Model;

/// <summary>
/// Reads the LApredict replication CSVs (Zeng et al., ISSTA 2021): <c>_id, date, bug, ns … sexp</c>, with the
/// Kamei metrics already computed. The DevOps signals are not in that data and stay zero.
/// </summary>
public static class JitDataset
{
    public const string FilePrefix = "lapredict_";

    public static IReadOnlyList<string> FindProjects(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, FilePrefix + "*.csv").Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    public static string ProjectName(string path) => Path.GetFileNameWithoutExtension(path)[FilePrefix.Length..];

    /// <summary>Rows sorted by date (oldest first). Throws <see cref="InvalidDataException"/> on a file without the expected columns.</summary>
    public static List<Sample> Load(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException(path + " is empty");
        var columns = header.Split(',');
        int Index(string name) => Array.IndexOf(columns, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no '{name}' column");
        var id = Index("_id");
        var date = Index("date");
        var bug = Index("bug");
        var metric = new[] { "ns", "nd", "nf", "entrophy", "la", "ld", "lt", "fix", "ndev", "age", "nuc", "exp", "rexp", "sexp" }.Select(Index).ToArray();
        var samples = new List<Sample>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length < columns.Length)
            {
                continue;
            }

            double Value(int column) => double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : 0;
            var m = new ChangeMetrics
            {
                NS = Value(metric[0]), ND = Value(metric[1]), NF = Value(metric[2]), Entropy = Value(metric[3]),
                LA = Value(metric[4]), LD = Value(metric[5]), LT = Value(metric[6]), FIX = ParseFix(cells[metric[7]]),
                NDEV = Value(metric[8]), AGE = Value(metric[9]), NUC = Value(metric[10]), EXP = Value(metric[11]),
                REXP = Value(metric[12]), SEXP = Value(metric[13]),
            };
            samples.Add(new Sample
            {
                Id = cells[id],
                Time = (long)Value(date),
                Features = FeatureSet.Vectorize(m),
                Label = Value(bug) > 0,
                Churn = m.LA + m.LD,
            });
        }

        samples.Sort((a, b) => a.Time.CompareTo(b.Time));
        return samples;
    }

    private static double ParseFix(string cell) =>
        cell.Equals("True", StringComparison.OrdinalIgnoreCase) ? 1
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? 1 : 0;
}
