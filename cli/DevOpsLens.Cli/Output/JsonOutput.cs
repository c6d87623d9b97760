using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DevOpsLens.Cli.Output;

/// <summary>Indented UTF-8 JSON with LF line endings and readable (unescaped) non-ASCII text, so reports diff cleanly.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        // A report file (UTF-8 without BOM, opened by Terminal.WriteTo) gets the bytes directly: no decode to a string
        // and re-encode of a report that can be megabytes.
        if (output is StreamWriter { BaseStream.CanWrite: true } file && file.Encoding is UTF8Encoding utf8 && utf8.GetPreamble().Length == 0)
        {
            file.Flush();
            using (var direct = new Utf8JsonWriter(file.BaseStream, Options))
            {
                write(direct);
            }

            file.BaseStream.WriteByte((byte)'\n');
            return;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
