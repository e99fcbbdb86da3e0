using System.Buffers.Binary;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// The SQLite file header fields that tell two versions of a database apart: the file change
/// counter (offset 24), bumped by every transaction that writes the file in rollback-journal mode,
/// the page count (offset 28), the schema cookie (offset 40), bumped by every schema change, and
/// <c>user_version</c> (offset 60), the migration the schema is at. A generation copied from the
/// store carries the store's counter, so equal counters mean the generation holds every committed change.
/// </summary>
public readonly record struct StoreHeader(uint ChangeCounter, uint Pages, uint SchemaCookie, uint UserVersion)
{
    /// <summary>Whether both files have the same schema, whatever their data.</summary>
    public bool SameSchemaAs(StoreHeader other) => SchemaCookie == other.SchemaCookie && UserVersion == other.UserVersion;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>The header of the database file at <paramref name="path"/>; null when it is missing or is no SQLite file.</summary>
    public static StoreHeader? Read(string path)
    {
        Span<byte> header = stackalloc byte[100];
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
                return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(header);
    }

    public static StoreHeader? Parse(ReadOnlySpan<byte> header) =>
        header.Length < 100 || !header.StartsWith(Magic)
            ? null
            : new StoreHeader(BinaryPrimitives.ReadUInt32BigEndian(header[24..]), BinaryPrimitives.ReadUInt32BigEndian(header[28..]),
                BinaryPrimitives.ReadUInt32BigEndian(header[40..]), BinaryPrimitives.ReadUInt32BigEndian(header[60..]));
}
