using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cpvendor.Contract;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Root's db_info answer after a change of some owners' database users, as a patch over the answer
/// rendered whole before it (docs/cpapi.md, "the db_info answer and its patch"): the answer file
/// keeps where each <c>mapping</c> member lies (<see cref="Members"/>, found once when it is
/// rendered), and the patch is the list of segments that copy the runs of members kept and put the
/// changed owners' members, rendered again from the store, at their places (members are in the
/// store's owner order: the bytes of the owner's UTF-8, SQLite's BINARY collation). The result is
/// byte for byte what the script prints for the new store (<c>DbInfoSpliceTests</c>); an answer not
/// in the form the script writes gives null, and the caller renders it whole.
/// </summary>
internal static class DbInfoSplice
{
    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, IReadOnlyList<string>>> Mapping =
        (JsonTypeInfo<IReadOnlyDictionary<string, IReadOnlyList<string>>>)CpapiJsonContext.Default.GetTypeInfo(typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))!;

    /// <summary>
    /// The <see cref="DbInfoSection.Members"/> section of <paramref name="answer"/>; null when it is
    /// not a db_info answer with a mapping in owner order whose keys hold no escape.
    /// </summary>
    public static byte[]? Members(ReadOnlySpan<byte> answer)
    {
        if (MappingOpen(answer) is not { } open)
            return null;
        var table = new List<uint> { (uint)(open + 1), 0 };
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
            table.Add((uint)at);
            table.Add((uint)member.End);
            at = member.End;
            if (At(answer, at) == ',')
                at++;
            else if (At(answer, at) != '}')
                return null;
        }

        table[1] = (uint)at;
        var bytes = new byte[table.Count * 4];
        for (var i = 0; i < table.Count; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), table[i]);
        return bytes;
    }

    /// <summary>
    /// The segments and literal bytes (<see cref="DbInfoPatchSection"/>) of <paramref name="answer"/>
    /// with the members of <paramref name="owners"/> replaced by <paramref name="now"/> (an owner it
    /// does not name has no database user now), each owner found in <paramref name="members"/> by
    /// binary search; null when the table does not fit the answer where it is read.
    /// </summary>
    public static DbInfoSegments? Patch(ReadOnlySpan<byte> answer, ReadOnlySpan<byte> members, IReadOnlySet<string> owners,
        IReadOnlyDictionary<string, IReadOnlyList<string>> now)
    {
        if (members.Length < 8 || members.Length % 8 != 0)
            return null;
        uint inner = U32(members, 0), close = U32(members, 1);
        if (inner > close || close >= answer.Length)
            return null;
        var table = new MemberTable(members[8..], inner, close);
        var changed = owners.Select(o => (Key: Encoding.UTF8.GetBytes(o), Bytes: now.TryGetValue(o, out var users) ? Member(o, users) : null))
            .OrderBy(o => o.Key, ByteOrder.Instance).ToList();
        var patch = new DbInfoSegments();
        patch.Copy(0, (int)inner);
        var emitted = false;
        var next = 0;
        foreach (var (key, bytes) in changed)
        {
            if (table.LowerBound(answer, key) is not { } place || place < next)
                return null;
            if (place > next)
            {
                if (table.Run(next, place - 1) is not { } run)
                    return null;
                patch.Separate(ref emitted);
                patch.Copy(run.Start, run.Length);
            }

            if (bytes is not null)
            {
                patch.Separate(ref emitted);
                patch.Literal(bytes);
            }

            if (place == table.Count)
            {
                next = place;
                continue;
            }

            if (!table.TryKeyAt(answer, place, out var found))
                return null;
            next = found.SequenceEqual(key) ? place + 1 : place;
        }

        if (next < table.Count)
        {
            if (table.Run(next, table.Count - 1) is not { } run)
                return null;
            patch.Separate(ref emitted);
            patch.Copy(run.Start, run.Length);
        }

        patch.Copy((int)close, answer.Length - (int)close);
        return patch;
    }

    /// <summary>The <see cref="DbInfoPatchSection.Owners"/> section of <paramref name="owners"/>.</summary>
    public static byte[] OwnersBytes(IEnumerable<string> owners)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var owner in owners)
        {
            var bytes = Encoding.UTF8.GetBytes(owner);
            BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), (uint)bytes.Length);
            output.Advance(4);
            output.Write(bytes);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The owners a <see cref="DbInfoPatchSection.Owners"/> section names; null when it is not one.</summary>
    public static List<string>? OwnersOf(ReadOnlySpan<byte> section)
    {
        var owners = new List<string>();
        for (var at = 0; at < section.Length;)
        {
            if (section.Length - at < 4)
                return null;
            var length = BinaryPrimitives.ReadUInt32LittleEndian(section[at..]);
            at += 4;
            if (length > (uint)(section.Length - at))
                return null;
            owners.Add(Encoding.UTF8.GetString(section.Slice(at, (int)length)));
            at += (int)length;
        }

        return owners;
    }

    private static uint U32(ReadOnlySpan<byte> section, int i) => BinaryPrimitives.ReadUInt32LittleEndian(section[(i * 4)..]);

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
