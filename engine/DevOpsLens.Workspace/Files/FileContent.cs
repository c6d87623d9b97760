using System.Globalization;
using System.Text;

namespace DevOpsLens.Workspace.Files;

/// <summary>Why a file was not checked, or how it was decoded.</summary>
public enum FileLoadStatus
{
    Text = 0,

    /// <summary>Checked, but decoded as Latin-1 because it is not valid UTF-8 (DL9001 says so).</summary>
    TextWithFallbackEncoding,

    Binary,
    TooLarge,
    Unreadable,
}

/// <summary>The outcome of loading one file: its text, or the reason it was skipped, in words a user understands.</summary>
public sealed record FileLoadResult(FileLoadStatus Status, string? Text, string? Reason)
{
    public bool HasText => Text != null;
}

/// <summary>
/// Reads and decodes files for checking. Binary: a NUL byte in the first 8 KB (git's test) or a known binary
/// extension. UTF-8 with or without BOM, UTF-16 with a BOM; anything else that is not valid UTF-8 is decoded as
/// Latin-1 — every byte stays one character, so ASCII secrets are still found — and reported.
/// </summary>
public static class FileContent
{
    public const long DefaultMaxFileSize = 5L * 1024 * 1024;
    private const int BinaryProbeLength = 8 * 1024;

    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".webp", ".tif", ".tiff", ".psd",
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".jar", ".war", ".nupkg", ".snupkg", ".vsix",
        ".dll", ".exe", ".pdb", ".so", ".dylib", ".a", ".lib", ".o", ".obj", ".class", ".pyc", ".wasm",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
        ".mp3", ".mp4", ".wav", ".ogg", ".mov", ".avi", ".webm", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".db", ".sqlite", ".mdb", ".bin", ".dat", ".zst", ".onnx", ".pb", ".h5", ".parquet",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static bool HasBinaryExtension(string path) => BinaryExtensions.Contains(Path.GetExtension(path));

    /// <summary>Loads a file from disk without ever reading more than <paramref name="maxFileSize"/> bytes.</summary>
    public static async Task<FileLoadResult> LoadAsync(string fullPath, long maxFileSize, CancellationToken cancellationToken)
    {
        if (HasBinaryExtension(fullPath))
        {
            return new FileLoadResult(FileLoadStatus.Binary, null, "binary file (" + Path.GetExtension(fullPath).ToLowerInvariant() + ")");
        }

        try
        {
            await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > maxFileSize)
            {
                return TooLarge(length, maxFileSize);
            }

            var buffer = new byte[length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Decode(read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray(), maxFileSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileLoadResult(FileLoadStatus.Unreadable, null, ex is UnauthorizedAccessException ? "permission denied" : ex.Message);
        }
    }

    /// <summary>Decodes bytes from any source (disk, a git blob) with the same rules.</summary>
    public static FileLoadResult Decode(ReadOnlySpan<byte> bytes, long maxFileSize = DefaultMaxFileSize)
    {
        if (bytes.Length > maxFileSize)
        {
            return TooLarge(bytes.Length, maxFileSize);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new FileLoadResult(FileLoadStatus.Text, encoding.GetString(bytes[2..]), null);
        }

        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeLength)];
        if (probe.IndexOf((byte)0) >= 0)
        {
            return new FileLoadResult(FileLoadStatus.Binary, null, "binary file (NUL byte in the first 8 KB)");
        }

        var body = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
        try
        {
            return new FileLoadResult(FileLoadStatus.Text, StrictUtf8.GetString(body), null);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? " at byte " + ex.Index.ToString(CultureInfo.InvariantCulture) : string.Empty;
            return new FileLoadResult(
                FileLoadStatus.TextWithFallbackEncoding,
                Latin1.GetString(body),
                "not valid UTF-8" + offset + "; it was checked as Latin-1 text, so non-ASCII characters may look different");
        }
    }

    private static FileLoadResult TooLarge(long length, long max) =>
        new(FileLoadStatus.TooLarge, null, "larger than the size limit (" + FormatSize(length) + " > " + FormatSize(max) + "; raise devopslens.max_file_size or --max-file-size)");

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : bytes >= 1024
                ? (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB"
                : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
