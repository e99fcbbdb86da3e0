using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Finds the byte ranges of an answer the live path printed, in one <see cref="Utf8JsonReader"/>
/// pass each: every user object and each of its members (for <c>--fields</c>, whose objects are
/// those members joined by commas), every domain member with and without its PHP part, every element
/// of the other lists, and the keys the filters look them up by. Nothing is rendered here: the book
/// holds only bytes the live scripts wrote.
/// </summary>
internal static class AnswerBookIndexer
{
    /// <summary>The user-records section and the uid, username, owner and package indexes, or null when the answer is not the list expected.</summary>
    public static (byte[] Records, byte[] Uids, byte[] Usernames, byte[] Owners, byte[] Packages)? Users(ReadOnlySpan<byte> answer, NameBlob keys)
    {
        if (!answer.StartsWith(AnswerBookFormat.ListPrefix) || !answer.EndsWith(AnswerBookFormat.ListSuffix))
            return null;
        var records = new List<int[]>();
        var uids = new List<(uint Uid, int Record)>();
        var usernames = new List<(byte[] Key, int Element)>();
        var owners = new List<(byte[] Key, int Element)>();
        var packages = new List<(byte[] Key, int Element)>();
        var reader = new Utf8JsonReader(answer);
        if (!ReadInto(ref reader, JsonTokenType.StartArray))
            return null;

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var parts = new int[AnswerBookFormat.RecordFields * 2];
            parts[0] = (int)reader.TokenStartIndex;
            for (var field = 0; field < Grammar.UserFields.Count; field++)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(Grammar.UserFields[field]))
                    return null;
                var start = (int)reader.TokenStartIndex;
                if (!reader.Read())
                    return null;
                switch (field)
                {
                    case 0:
                        if (!reader.TryGetUInt32(out var uid))
                            return null;
                        uids.Add((uid, records.Count));
                        break;
                    case 1:
                        usernames.Add((Encoding.UTF8.GetBytes(reader.GetString()!), records.Count));
                        break;
                    case 2:
                        owners.Add((Encoding.UTF8.GetBytes(reader.GetString()!), records.Count));
                        break;
                    case 4 when reader.TokenType == JsonTokenType.StartObject:
                        if (Package(ref reader) is not { } package)
                            return null;
                        packages.Add((package, records.Count));
                        break;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    reader.Skip();
                parts[(field + 1) * 2] = start;
                parts[((field + 1) * 2) + 1] = (int)reader.BytesConsumed - start;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return null;
            parts[1] = (int)reader.BytesConsumed - parts[0];
            records.Add(parts);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
            return null;

        uids.Sort((a, b) => a.Uid != b.Uid ? a.Uid.CompareTo(b.Uid) : a.Record.CompareTo(b.Record));
        var uidBytes = new byte[uids.Count * AnswerBookFormat.UidEntry];
        for (var i = 0; i < uids.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(uidBytes.AsSpan(i * AnswerBookFormat.UidEntry), uids[i].Uid);
            BinaryPrimitives.WriteInt32LittleEndian(uidBytes.AsSpan((i * AnswerBookFormat.UidEntry) + 4), uids[i].Record);
        }

        return (Ranges(records), uidBytes, KeyIndex(usernames, keys), KeyIndex(owners, keys), KeyIndex(packages, keys));
    }

    /// <summary>
    /// The domain-members section and the name and owner indexes over the <c>domains --with-php</c>
    /// answer, or null when it is not the object expected. Each member's part without PHP ends where
    /// its <c>"php"</c> member begins: the live path writes the same owner, document root and
    /// is_main members before it as it writes for the answer without PHP.
    /// </summary>
    public static (byte[] Members, byte[] Names, byte[] Owners)? Domains(ReadOnlySpan<byte> answer, NameBlob keys)
    {
        if (!answer.StartsWith(AnswerBookFormat.ObjectPrefix) || !answer.EndsWith(AnswerBookFormat.ObjectSuffix))
            return null;
        var reader = new Utf8JsonReader(answer);
        if (!ReadInto(ref reader, JsonTokenType.StartObject))
            return null;

        var members = new List<int[]>();
        var names = new List<(byte[] Key, int Element)>();
        var owners = new List<(byte[] Key, int Element)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            names.Add((Encoding.UTF8.GetBytes(reader.GetString()!), members.Count));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !Member(ref reader, "owner"u8, JsonTokenType.String))
                return null;

            owners.Add((Encoding.UTF8.GetBytes(reader.GetString()!), members.Count));
            if (!Member(ref reader, "document_root"u8, JsonTokenType.String) || !Member(ref reader, "is_main"u8, JsonTokenType.True, JsonTokenType.False))
                return null;
            var withoutPhp = (int)reader.BytesConsumed - start;
            if (!Member(ref reader, "php"u8, JsonTokenType.StartObject, JsonTokenType.Null))
                return null;
            if (reader.TokenType == JsonTokenType.StartObject)
                reader.Skip();
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return null;
            members.Add([start, (int)reader.BytesConsumed - start, start, withoutPhp]);
        }

        if (reader.TokenType != JsonTokenType.EndObject)
            return null;
        return (Ranges(members), KeyIndex(names, keys), KeyIndex(owners, keys));
    }

    /// <summary>
    /// The element ranges of a list answer and one key index per name in <paramref name="keyed"/>:
    /// each element is listed under that member's value (a string's UTF-8, a number's digits,
    /// <c>true</c> or <c>false</c>; a null member under nothing). Null when the answer is not a list of objects.
    /// </summary>
    public static (byte[] Elements, byte[][] Indexes)? List(ReadOnlySpan<byte> answer, NameBlob keys, params string[] keyed)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        if (!answer.StartsWith(AnswerBookFormat.ListPrefix) || !answer.EndsWith(AnswerBookFormat.ListSuffix))
            return null;
        var reader = new Utf8JsonReader(answer);
        if (!ReadInto(ref reader, JsonTokenType.StartArray))
            return null;

        var elements = new List<int[]>();
        var indexes = keyed.Select(_ => new List<(byte[] Key, int Element)>()).ToArray();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var which = Array.IndexOf(keyed, reader.GetString());
                if (!reader.Read())
                    return null;
                if (which >= 0 && Key(ref reader) is { } key)
                    indexes[which].Add((key, elements.Count));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject)
                return null;
            elements.Add([start, (int)reader.BytesConsumed - start]);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
            return null;
        return (Ranges(elements), [.. indexes.Select(index => KeyIndex(index, keys))]);
    }

    /// <summary>Reads <c>{"data":</c> and the token that opens its value, which must be <paramref name="opening"/>.</summary>
    private static bool ReadInto(ref Utf8JsonReader reader, JsonTokenType opening) =>
        reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.ValueTextEquals("data"u8)
        && reader.Read() && reader.TokenType == opening;

    /// <summary>Reads the member named <paramref name="name"/> and its value's first token, which must be one of <paramref name="kinds"/>.</summary>
    private static bool Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, params ReadOnlySpan<JsonTokenType> kinds) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name) && reader.Read() && kinds.Contains(reader.TokenType);

    /// <summary>The package key of a <c>{"name":..,"owner":..}</c> object the reader stands at the start of; the reader ends on its end.</summary>
    private static byte[]? Package(ref Utf8JsonReader reader)
    {
        if (!Member(ref reader, "name"u8, JsonTokenType.String))
            return null;
        var name = reader.GetString()!;
        if (!Member(ref reader, "owner"u8, JsonTokenType.String))
            return null;
        var owner = reader.GetString()!;
        return reader.Read() && reader.TokenType == JsonTokenType.EndObject ? AnswerBookFormat.PackageKey(owner, name) : null;
    }

    private static byte[]? Key(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Encoding.UTF8.GetBytes(reader.GetString()!),
        JsonTokenType.Number => reader.ValueSpan.ToArray(),
        JsonTokenType.True => AnswerBookFormat.BooleanKey(true).ToArray(),
        JsonTokenType.False => AnswerBookFormat.BooleanKey(false).ToArray(),
        _ => null,
    };

    /// <summary>Each element's ranges as (offset, length) pairs of u32, one element after the other.</summary>
    private static byte[] Ranges(List<int[]> elements)
    {
        var width = elements.Count == 0 ? 0 : elements[0].Length;
        var bytes = new byte[elements.Count * width * 4];
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = 0; j < width; j++)
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(((i * width) + j) * 4), elements[i][j]);
        }

        return bytes;
    }

    /// <summary>A key index (<see cref="AnswerBookFormat.KeyEntry"/>): sorted by the key's bytes, then by element.</summary>
    private static byte[] KeyIndex(List<(byte[] Key, int Element)> entries, NameBlob keys)
    {
        entries.Sort((a, b) =>
        {
            var order = a.Key.AsSpan().SequenceCompareTo(b.Key);
            return order != 0 ? order : a.Element.CompareTo(b.Element);
        });
        var bytes = new byte[entries.Count * AnswerBookFormat.KeyEntry];
        for (var i = 0; i < entries.Count; i++)
        {
            var at = i * AnswerBookFormat.KeyEntry;
            keys.Put(entries[i].Key, bytes.AsSpan(at));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8), entries[i].Element);
        }

        return bytes;
    }
}
