using System.Buffers;
using System.Buffers.Binary;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>The keys section: keys (UTF-8 names, digits, package keys) one after the other, each index entry pointing at one.</summary>
internal sealed class NameBlob
{
    private readonly ArrayBufferWriter<byte> bytes = new();

    /// <summary>Appends <paramref name="name"/> and writes its (offset, length) into <paramref name="entry"/>.</summary>
    public void Put(byte[] name, Span<byte> entry)
    {
        BinaryPrimitives.WriteInt32LittleEndian(entry, bytes.WrittenCount);
        BinaryPrimitives.WriteInt32LittleEndian(entry[4..], name.Length);
        bytes.Write(name);
    }

    public byte[] ToArray() => bytes.WrittenSpan.ToArray();
}
