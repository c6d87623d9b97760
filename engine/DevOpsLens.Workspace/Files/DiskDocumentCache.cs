using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Workspace.Files;

/// <summary>
/// Documents read from disk for the repository rules of single-document analysis, so that typing in a manifest
/// does not re-read (or re-parse: a document keeps its parsed forms) every other relevant file of the repository.
/// An entry is valid while the file's last write time and length are unchanged; the owner clears the cache when
/// configuration changes, since a document carries its resolved options. Memory is bounded: only files seen by
/// the latest walk are kept, and no more than <see cref="MaxCachedChars"/> characters of text in total (files
/// beyond that are read each time).
/// </summary>
internal sealed class DiskDocumentCache
{
    public const long MaxCachedChars = 16L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _chars;

    /// <summary>
    /// The file as a document, or null when it is missing, binary, too large or unreadable (as a scan would skip it).
    /// The document is shared between analyses, so it carries no cancellation token; rules get theirs as an argument.
    /// </summary>
    public async Task<DocumentContext?> GetAsync(string fullPath, string relativePath, RuleOptions options, long maxFileSize, CancellationToken cancellationToken)
    {
        DateTime lastWrite;
        long length;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                Forget(fullPath);
                return null;
            }

            lastWrite = info.LastWriteTimeUtc;
            length = info.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(fullPath, out var cached) && cached.LastWriteUtc == lastWrite && cached.Length == length && cached.MaxFileSize == maxFileSize)
            {
                return cached.Document;
            }
        }

        var loaded = await FileContent.LoadAsync(fullPath, maxFileSize, cancellationToken).ConfigureAwait(false);
        var document = loaded.Text == null ? null : new DocumentContext(relativePath, loaded.Text, options);
        Store(fullPath, new Entry(lastWrite, length, maxFileSize, document));
        return document;
    }

    /// <summary>Drops every entry whose path is not in <paramref name="fullPaths"/> (deleted, renamed or now ignored files).</summary>
    public void Retain(IReadOnlySet<string> fullPaths)
    {
        lock (_gate)
        {
            foreach (var path in _entries.Keys.Where(p => !fullPaths.Contains(p)).ToList())
            {
                Remove(path);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _chars = 0;
        }
    }

    private void Forget(string fullPath)
    {
        lock (_gate)
        {
            Remove(fullPath);
        }
    }

    private void Store(string fullPath, Entry entry)
    {
        lock (_gate)
        {
            Remove(fullPath);
            var size = entry.Document?.Text.Length ?? 0;
            if (_chars + size > MaxCachedChars)
            {
                return;
            }

            _entries[fullPath] = entry;
            _chars += size;
        }
    }

    private void Remove(string fullPath)
    {
        if (_entries.Remove(fullPath, out var old))
        {
            _chars -= old.Document?.Text.Length ?? 0;
        }
    }

    private sealed record Entry(DateTime LastWriteUtc, long Length, long MaxFileSize, DocumentContext? Document);
}
