using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// A file mapped read-only, so that two generations can be compared where they lie in the page cache
/// instead of being copied into buffers first. The descriptor stays the caller's; a length of zero
/// maps nothing.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? file;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* start;

    public MappedFile(SafeFileHandle handle, long length)
    {
        Length = length;
        if (length == 0)
            return;
        file = MemoryMappedFile.CreateFromFile(handle, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += view.PointerOffset;
    }

    public long Length { get; }

    /// <summary>The bytes at <paramref name="offset"/>, at most <paramref name="count"/> of them (fewer past the end).</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int count) =>
        offset >= Length ? [] : new ReadOnlySpan<byte>(start + offset, (int)Math.Min(count, Length - offset));

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        file?.Dispose();
    }
}
