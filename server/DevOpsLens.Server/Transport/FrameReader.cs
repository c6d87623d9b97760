using System.Text;

namespace DevOpsLens.Server.Transport;

/// <summary>One <c>Content-Length</c>-framed message. <see cref="Body"/> is null when the header block was unusable.</summary>
internal sealed record Frame(byte[]? Body, string? HeaderProblem);

/// <summary>
/// Reads LSP base-protocol frames (headers, blank line, body) from a stream. Tolerates bad headers by reporting
/// them and resynchronising at the next blank line, so one broken frame does not end the session.
/// </summary>
internal sealed class FrameReader
{
    /// <summary>Larger bodies are refused rather than buffered: no editor sends a 256 MB document.</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public FrameReader(Stream stream) => _stream = stream;

    /// <summary>Returns null at end of stream.</summary>
    public async Task<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        string? problem = null;
        var sawHeader = false;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (!sawHeader)
                {
                    // Stray blank lines between frames are harmless.
                    continue;
                }

                break;
            }

            sawHeader = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problem ??= "malformed header line";
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= MaxBodyBytes)
                {
                    length = n;
                }
                else
                {
                    problem ??= "invalid Content-Length";
                }
            }
        }

        if (length is null)
        {
            return new Frame(null, problem ?? "missing Content-Length");
        }

        var body = new byte[length.Value];
        var copied = 0;
        while (copied < body.Length)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var n = Math.Min(_end - _start, body.Length - copied);
            Buffer.BlockCopy(_buffer, _start, body, copied, n);
            _start += n;
            copied += n;
        }

        return new Frame(body, problem);
    }

    /// <summary>Header lines are ASCII and end with CRLF (a bare LF is accepted).</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return sb.Length > 0 ? sb.ToString() : null;
            }

            var b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                if (sb.Length > 0 && sb[^1] == '\r')
                {
                    sb.Length--;
                }

                return sb.ToString();
            }

            if (sb.Length < 8192)
            {
                sb.Append((char)b);
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
