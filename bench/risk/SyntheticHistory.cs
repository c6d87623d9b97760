using LibGit2Sharp;

namespace DevOpsLens.Bench.Risk;

/// <summary>
/// Writes a synthetic repository straight into the object database (no working-tree churn), with planted
/// defects: a change is more likely to be bug-inducing when it is large, made by someone new to the area,
/// or touches deployment files; a later commit whose message says "fix" rewrites one of its lines.
/// </summary>
internal static class SyntheticHistory
{
    private static readonly string[] Areas = { "src/Api", "src/Worker", "src/Web", "lib/Core", "lib/Data", "tests/Api.Tests" };

    public static void Generate(string root, int commits, int seed)
    {
        Repository.Init(root);
        using var repo = new Repository(root);
        var random = new Random(seed);
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var authors = Enumerable.Range(0, 25).Select(i => new Signature($"Dev {i}", $"dev{i}@example.com", DateTimeOffset.UnixEpoch)).ToArray();
        var experience = new Dictionary<(int Author, string Area), int>();
        var pendingFixes = new List<(int Due, string Path, string Line)>();
        var when = new DateTimeOffset(2022, 1, 1, 8, 0, 0, TimeSpan.Zero);
        Commit? parent = null;
        for (var n = 0; n < 40; n++)
        {
            var area = Areas[n % Areas.Length];
            files[$"{area}/File{n}.cs"] = Enumerable.Range(0, random.Next(40, 300)).Select(i => $"    statement {n}.{i};").ToList();
        }

        files["k8s/deployment.yaml"] = new() { "kind: Deployment", "spec:", "  replicas: 2" };
        files[".github/workflows/ci.yml"] = new() { "on: push", "jobs:", "  build:" };
        files["src/Api/Api.csproj"] = new() { "<Project>", "</Project>" };
        parent = Write(repo, files, authors[0], when, "Initial import", parent);

        for (var c = 1; c < commits; c++)
        {
            when = when.AddMinutes(random.Next(20, 600));
            var due = pendingFixes.FindIndex(p => p.Due <= c);
            if (due >= 0)
            {
                var (_, path, line) = pendingFixes[due];
                pendingFixes.RemoveAt(due);
                if (files.TryGetValue(path, out var lines) && lines.IndexOf(line) is var at and >= 0)
                {
                    lines[at] = line.Replace("statement", "checked statement", StringComparison.Ordinal);
                    var fixer = authors[random.Next(authors.Length)];
                    parent = Write(repo, files, fixer, when, $"Fix wrong result in {Path.GetFileNameWithoutExtension(path)}", parent);
                    continue;
                }
            }

            var authorIndex = (int)Math.Min(authors.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 2) * authors.Length));
            var changeArea = Areas[random.Next(Areas.Length)];
            var fileCount = 1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 1.5);
            var candidates = files.Keys.Where(k => k.StartsWith(changeArea, StringComparison.Ordinal)).ToList();
            var touched = new List<string>();
            var added = 0;
            var touchesDeployment = random.NextDouble() < 0.04;
            for (var f = 0; f < fileCount; f++)
            {
                string path;
                if (candidates.Count == 0 || random.NextDouble() < 0.08)
                {
                    path = $"{changeArea}/New{c}_{f}.cs";
                    files[path] = new List<string>();
                }
                else
                {
                    path = candidates[random.Next(candidates.Count)];
                }

                var lines = files[path];
                var adds = 1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 15);
                var removes = lines.Count == 0 ? 0 : random.Next(0, Math.Min(lines.Count, adds));
                var at = lines.Count == 0 ? 0 : random.Next(lines.Count - removes + 1);
                lines.RemoveRange(at, removes);
                lines.InsertRange(at, Enumerable.Range(0, adds).Select(i => $"    statement c{c}.{f}.{i};"));
                added += adds;
                touched.Add(path);
            }

            if (touchesDeployment)
            {
                files["k8s/deployment.yaml"].Add($"  # change {c}");
                files["k8s/deployment.yaml"].Add($"  replicasHint{c}: {random.Next(1, 5)}");
            }

            var known = experience.GetValueOrDefault((authorIndex, changeArea));
            experience[(authorIndex, changeArea)] = known + 1;
            var logit = -3.2 + 0.55 * Math.Log(1 + added) + (known == 0 ? 1.0 : 0) + (touchesDeployment ? 1.2 : 0) + (fileCount > 3 ? 0.5 : 0);
            if (random.NextDouble() < 1 / (1 + Math.Exp(-logit)))
            {
                var path = touched[random.Next(touched.Count)];
                var planted = files[path].Where(l => l.Contains($"c{c}.", StringComparison.Ordinal)).ToList();
                if (planted.Count > 0)
                {
                    pendingFixes.Add((c + random.Next(3, 60), path, planted[random.Next(planted.Count)]));
                }
            }

            parent = Write(repo, files, authors[authorIndex], when, $"Update {Path.GetFileNameWithoutExtension(touched[0])} ({c})", parent);
        }

        var main = repo.Refs.Add("refs/heads/main", parent!.Id, allowOverwrite: true);
        repo.Refs.UpdateTarget(repo.Refs.Head, main, "bench");
        repo.Reset(ResetMode.Hard, parent);
    }

    private static readonly Dictionary<string, (int Hash, ObjectId Blob)> Blobs = new(StringComparer.Ordinal);

    private static Commit Write(Repository repo, Dictionary<string, List<string>> files, Signature who, DateTimeOffset when, string message, Commit? parent)
    {
        var tree = new TreeDefinition();
        foreach (var (path, lines) in files)
        {
            var text = string.Join("\n", lines) + "\n";
            var hash = text.GetHashCode(StringComparison.Ordinal);
            if (!Blobs.TryGetValue(path, out var cached) || cached.Hash != hash)
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
                cached = (hash, repo.ObjectDatabase.CreateBlob(stream).Id);
                Blobs[path] = cached;
            }

            tree.Add(path, repo.Lookup<Blob>(cached.Blob), Mode.NonExecutableFile);
        }

        var signature = new Signature(who.Name, who.Email, when);
        return repo.ObjectDatabase.CreateCommit(signature, signature, message + "\n", repo.ObjectDatabase.CreateTree(tree), parent is null ? Array.Empty<Commit>() : new[] { parent }, prettifyMessage: false);
    }
}
