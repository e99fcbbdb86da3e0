using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Finds the byte ranges of an answer the live path printed, in one <see cref="Utf8JsonReader"/>
/// pass each: every user object and each of its members (for <c>--fields</c>, whose objects are
/// those members joined by commas), and every domain member of the <c>domains</c> answer. Nothing is
/// rendered here: the book holds only bytes the live scripts wrote.
/// </summary>
internal static class AnswerBookIndexer
{
    /// <summary>The user-records, uid-index and username-index sections plus the names they use, or null when the answer is not the list expected.</summary>
    public static (byte[] Records, byte[] Uids, byte[] Usernames)? Users(ReadOnlySpan<byte> answer, NameBlob names)
    {
        if (!answer.StartsWith(AnswerBookFormat.ListPrefix) || !answer.EndsWith(AnswerBookFormat.ListSuffix))
            return null;
        var records = new List<int[]>();
        var uids = new List<(uint Uid, int Record)>();
        var usernames = new List<(byte[] Name, int Record)>();
        var reader = new Utf8JsonReader(answer);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || !reader.ValueTextEquals("data"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

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
                if (field == 0)
                {
                    if (!reader.TryGetUInt32(out var uid))
                        return null;
                    uids.Add((uid, records.Count));
                }
                else if (field == 1)
                {
                    usernames.Add((Encoding.UTF8.GetBytes(reader.GetString()!), records.Count));
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

        var recordBytes = new byte[records.Count * AnswerBookFormat.RecordFields * 8];
        for (var i = 0; i < records.Count; i++)
        {
            for (var j = 0; j < records[i].Length; j++)
                BinaryPrimitives.WriteInt32LittleEndian(recordBytes.AsSpan(((i * records[i].Length) + j) * 4), records[i][j]);
        }

        uids.Sort((a, b) => a.Uid != b.Uid ? a.Uid.CompareTo(b.Uid) : a.Record.CompareTo(b.Record));
        var uidBytes = new byte[uids.Count * AnswerBookFormat.UidEntry];
        for (var i = 0; i < uids.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(uidBytes.AsSpan(i * AnswerBookFormat.UidEntry), uids[i].Uid);
            BinaryPrimitives.WriteInt32LittleEndian(uidBytes.AsSpan((i * AnswerBookFormat.UidEntry) + 4), uids[i].Record);
        }

        usernames.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        var nameBytes = new byte[usernames.Count * AnswerBookFormat.NameEntry];
        for (var i = 0; i < usernames.Count; i++)
        {
            var at = i * AnswerBookFormat.NameEntry;
            names.Put(usernames[i].Name, nameBytes.AsSpan(at));
            BinaryPrimitives.WriteInt32LittleEndian(nameBytes.AsSpan(at + 8), usernames[i].Record);
        }

        return (recordBytes, uidBytes, nameBytes);
    }

    /// <summary>The domain-index section over the <c>domains</c> answer, or null when it is not the object expected.</summary>
    public static byte[]? Domains(ReadOnlySpan<byte> answer, NameBlob names)
    {
        if (Members(answer) is not { } members)
            return null;
        members.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        var bytes = new byte[members.Count * AnswerBookFormat.DomainEntry];
        for (var i = 0; i < members.Count; i++)
        {
            var at = i * AnswerBookFormat.DomainEntry;
            names.Put(members[i].Name, bytes.AsSpan(at));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8), members[i].Range.Start);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 12), members[i].Range.Length);
        }

        return bytes;
    }

    private static List<(byte[] Name, (int Start, int Length) Range)>? Members(ReadOnlySpan<byte> answer)
    {
        if (!answer.StartsWith(AnswerBookFormat.ObjectPrefix) || !answer.EndsWith(AnswerBookFormat.ObjectSuffix))
            return null;
        var reader = new Utf8JsonReader(answer);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || !reader.ValueTextEquals("data"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var members = new List<(byte[], (int, int))>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var name = Encoding.UTF8.GetBytes(reader.GetString()!);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            reader.Skip();
            members.Add((name, (start, (int)reader.BytesConsumed - start)));
        }

        return reader.TokenType == JsonTokenType.EndObject ? members : null;
    }
}
