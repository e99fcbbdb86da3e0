using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Root's db_info answer after a change of some owners' database users, made from the answer
/// before it: the <c>mapping</c> members of the owners changed are rendered again from the store and
/// put at their places (members are in the store's owner order, ordinal), every other member is
/// copied as it was. The result is byte for byte what the script prints for the new store
/// (<c>DbInfoSpliceTests</c>); an answer not in the form the script writes gives null, and the
/// caller renders it whole.
/// </summary>
internal static class DbInfoSplice
{
    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, IReadOnlyList<string>>> Mapping =
        (JsonTypeInfo<IReadOnlyDictionary<string, IReadOnlyList<string>>>)CpapiJsonContext.Default.GetTypeInfo(typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))!;

    /// <summary>
    /// <paramref name="answer"/> with the members of <paramref name="owners"/> replaced by
    /// <paramref name="now"/> (an owner it does not name has no database user now); null when the
    /// answer is not a db_info answer with a mapping in owner order.
    /// </summary>
    public static byte[]? Apply(ReadOnlySpan<byte> answer, IReadOnlySet<string> owners, IReadOnlyDictionary<string, IReadOnlyList<string>> now)
    {
        if (MappingOpen(answer) is not { } open)
            return null;
        // The owners changed, in the store's order (their UTF-8 bytes), each with its new member or none.
        var changed = owners.Select(o => (Key: Encoding.UTF8.GetBytes(o), Bytes: now.TryGetValue(o, out var users) ? Member(o, users) : null))
            .OrderBy(o => o.Key, ByteOrder.Instance).ToList();
        var output = new ArrayBufferWriter<byte>(answer.Length + 4096);
        output.Write(answer[..(open + 1)]);
        var first = true;
        var next = 0;
        // Members kept are copied in runs (commas between them included); a run ends where a changed owner goes.
        int runStart = -1, runEnd = -1;
        var at = open + 1;
        var previous = ReadOnlySpan<byte>.Empty;
        while (At(answer, at) != '}')
        {
            if (Member(answer, at) is not { } member)
                return null;
            // A member's key is its bytes between the quotes: no escape in it (Member), so the owner's UTF-8.
            var key = answer[(at + 1)..member.KeyEnd];
            if (!previous.IsEmpty && previous.SequenceCompareTo(key) >= 0)
                return null;
            previous = key;
            var replaced = false;
            while (next < changed.Count && changed[next].Key.AsSpan().SequenceCompareTo(key) <= 0)
            {
                replaced |= key.SequenceEqual(changed[next].Key);
                Flush(output, answer, ref runStart, runEnd, ref first);
                Put(output, changed[next++].Bytes, ref first);
            }

            if (!replaced)
            {
                if (runStart < 0)
                    runStart = at;
                runEnd = member.End;
            }
            else
            {
                Flush(output, answer, ref runStart, runEnd, ref first);
            }

            at = member.End;
            if (At(answer, at) == ',')
                at++;
            else if (At(answer, at) != '}')
                return null;
        }

        Flush(output, answer, ref runStart, runEnd, ref first);
        for (; next < changed.Count; next++)
            Put(output, changed[next].Bytes, ref first);
        output.Write(answer[at..]);
        return output.WrittenSpan.ToArray();
    }

    private static void Flush(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> answer, ref int runStart, int runEnd, ref bool first)
    {
        if (runStart < 0)
            return;
        Put(output, answer[runStart..runEnd], ref first);
        runStart = -1;
    }

    private static void Put(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> member, ref bool first)
    {
        if (member.IsEmpty)
            return;
        if (!first)
            output.Write(","u8);
        first = false;
        output.Write(member);
    }

    /// <summary>One member, <c>"owner":["user",...]</c>, written as the script writes the mapping.</summary>
    private static byte[] Member(string owner, IReadOnlyList<string> dbUsers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Envelope.Options))
            JsonSerializer.Serialize(writer, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [owner] = dbUsers }, Mapping);
        var written = buffer.WrittenSpan;
        return written[1..^1].ToArray();
    }

    /// <summary>Where the mapping object of a db_info answer opens (its '{'); null when the answer has none.</summary>
    private static int? MappingOpen(ReadOnlySpan<byte> answer)
    {
        try
        {
            var reader = new Utf8JsonReader(answer);
            return Into(ref reader, "data", 1) && Into(ref reader, "mysql", 2) && Into(ref reader, "mapping", 3) ? (int)reader.TokenStartIndex : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The member starting at <paramref name="at"/> of the mapping object as the script writes it
    /// (no whitespace, <c>"owner":["user",...]</c>): where its key's closing quote is and where it
    /// ends; null for anything else, or a key holding an escape.
    /// </summary>
    private static (int KeyEnd, int End)? Member(ReadOnlySpan<byte> s, int at)
    {
        if (At(s, at) != '"' || StringEnd(s, at) is not { } keyEnd || s[(at + 1)..keyEnd].Contains((byte)'\\'))
            return null;
        var i = keyEnd + 1;
        if (At(s, i) != ':' || At(s, i + 1) != '[')
            return null;
        i += 2;
        if (At(s, i) == ']')
            return (keyEnd, i + 1);
        while (true)
        {
            if (At(s, i) != '"' || StringEnd(s, i) is not { } end)
                return null;
            i = end + 1;
            if (At(s, i) == ']')
                return (keyEnd, i + 1);
            if (At(s, i) != ',')
                return null;
            i++;
        }
    }

    /// <summary>The index of the quote closing the JSON string whose opening quote is at <paramref name="at"/>.</summary>
    private static int? StringEnd(ReadOnlySpan<byte> s, int at)
    {
        var i = at + 1;
        while (i < s.Length)
        {
            var found = s[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (found < 0)
                return null;
            i += found;
            if (s[i] == '"')
                return i;
            i += 2;
        }

        return null;
    }

    private static byte At(ReadOnlySpan<byte> s, int i) => i < s.Length ? s[i] : (byte)0;

    /// <summary>Byte order, as the store sorts text (SQLite's BINARY collation of UTF-8).</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>
    /// Reads on to the object value of the member <paramref name="name"/> of the object at
    /// <paramref name="depth"/> - 1 (the answer itself first), passing over the members before it.
    /// </summary>
    private static bool Into(ref Utf8JsonReader reader, string name, int depth)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == depth - 1)
                continue;
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth)
                return false;
            if (reader.ValueTextEquals(name))
                return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
            reader.Read();
            reader.Skip();
        }

        return false;
    }
}
