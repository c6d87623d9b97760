using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DevOpsLens.Cli.Output;

/// <summary>Indented UTF-8 JSON with LF line endings and readable (unescaped) non-ASCII text, so reports diff cleanly.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
