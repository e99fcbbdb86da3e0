using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi;

/// <summary>
/// Builds the one JSON document a script prints (docs/contract.md section 2) in memory, so that nothing
/// reaches stdout until the whole answer is known to be complete and valid.
/// </summary>
public sealed class Envelope
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly ArrayBufferWriter<byte> buffer = new(4096);

    public static JsonWriterOptions Options => WriterOptions;

    /// <summary>Whether <paramref name="answer"/> is a success envelope as <see cref="Build"/> writes it (what may be published for later calls).</summary>
    internal static bool IsOk(ReadOnlySpan<byte> answer) =>
        answer.StartsWith("{\"data\":"u8) && answer.EndsWith(",\"metadata\":{\"result\":\"ok\"}}\n"u8);

    /// <summary>Runs <paramref name="writeData"/> into a success envelope, or an error envelope if it reports a problem.</summary>
    internal ReadOnlyMemory<byte> Build(Func<Utf8JsonWriter, Problem?> writeData)
    {
        buffer.ResetWrittenCount();
        Problem? problem;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data"u8);
            problem = writeData(writer);
            if (problem is null)
            {
                writer.WriteStartObject("metadata"u8);
                writer.WriteString("result"u8, "ok"u8);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        if (problem is not null)
            return Error(problem);
        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }

    /// <summary>An error envelope: <c>data</c> null, the result kind and a non-empty message.</summary>
    public ReadOnlyMemory<byte> Error(Problem problem)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNull("data"u8);
            writer.WriteStartObject("metadata"u8);
            writer.WriteString("result"u8, problem.Kind.WireName());
            writer.WriteString("message"u8, problem.Message.Length == 0 ? problem.Kind.WireName() : problem.Message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }
}
