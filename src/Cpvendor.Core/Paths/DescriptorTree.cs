using System.Text;
using Cpvendor.Core.Native;

namespace Cpvendor.Core.Paths;

/// <summary>
/// The one way root removes a tree a user could have changed (docs/security.md, "Removing trees"):
/// through descriptors, never by path name. Each folder is opened relative to the folder above it
/// (<c>openat</c> with <c>O_NOFOLLOW|O_DIRECTORY</c>), listed through its own descriptor, and each
/// entry is removed relative to that descriptor (<c>unlinkat</c>, with <c>AT_REMOVEDIR</c> for a
/// folder once it is empty). A link is removed, never followed; a folder on another file system (a
/// mount point) is refused, never descended. A user who renames or swaps a folder while root is
/// inside it changes only which of their own names root removes: what root holds open stays the
/// folder it opened, and a link put in its place is a link root unlinks.
/// </summary>
public static class DescriptorTree
{
    /// <summary>How deep a tree may be: each level holds one descriptor open.</summary>
    public const int MaxDepth = 128;

    // A name that keeps changing between folder and non-folder is retried this often, then refused.
    private const int Attempts = 8;

    /// <summary>
    /// Removes <paramref name="path"/> (a file, a link, or a folder and everything in it) when it
    /// exists; true when something was removed. The folder that holds it is opened by its path, so
    /// it must be root's alone (<see cref="TrustedPath"/>); below it nothing is looked up by name.
    /// </summary>
    public static bool Remove(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full) ?? throw CpvendorException.Invalid("refused: / cannot be removed");
        var fd = Libc.OpenFolderAt(Libc.CurrentFolder, Encoding.UTF8.GetBytes(parent), followLink: true);
        if (fd == -Libc.ErrNoEntry)
            return false;
        if (fd < 0)
            throw CpvendorException.Io($"cannot open {parent}: errno {-fd}");
        try
        {
            return Remove(fd, Encoding.UTF8.GetBytes(Path.GetFileName(full)), full);
        }
        finally
        {
            Libc.CloseDescriptor(fd);
        }
    }

    /// <summary>
    /// Removes the entry <paramref name="name"/> of the folder open as <paramref name="parentFd"/> (a
    /// file, a link, or a folder and everything in it) when it exists; true when something was removed.
    /// <paramref name="shown"/> names it in messages. <paramref name="opened"/>, when given, is called
    /// with the shown name of each folder after it is opened and before its entries are listed (a
    /// test uses it to act as a user in exactly that window).
    /// </summary>
    public static bool Remove(int parentFd, ReadOnlySpan<byte> name, string shown, Action<string>? opened = null)
    {
        if (name.IsEmpty || name.Contains((byte)'/') || name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
            throw CpvendorException.Invalid($"refused: '{shown}' is not a name inside a folder");
        var device = Libc.StatusAt(parentFd, []) is { } status
            ? status.Device
            : throw CpvendorException.Io($"cannot read the folder holding {shown}");
        return RemoveEntry(parentFd, device, name.ToArray(), shown, 0, opened);
    }

    private static bool RemoveEntry(int parentFd, ulong device, byte[] name, string shown, int depth, Action<string>? opened)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var fd = Libc.OpenFolderAt(parentFd, name);
            if (fd == -Libc.ErrNoEntry)
                return attempt > 0;
            if (fd is -Libc.ErrLoop or -Libc.ErrNotDirectory)
            {
                // A file, a link or anything else that is not a folder: its name goes, nothing it names.
                var errno = Libc.UnlinkAt(parentFd, name, folder: false);
                if (errno is 0 or Libc.ErrNoEntry)
                    return errno == 0 || attempt > 0;
                if (errno == Libc.ErrIsDirectory)
                    continue; // it became a folder meanwhile
                throw CpvendorException.Io($"cannot remove {shown}: errno {errno}");
            }

            if (fd < 0)
                throw CpvendorException.Io($"cannot open {shown}: errno {-fd}");
            try
            {
                Empty(fd, device, shown, depth, opened);
            }
            finally
            {
                Libc.CloseDescriptor(fd);
            }

            var removed = Libc.UnlinkAt(parentFd, name, folder: true);
            if (removed is 0 or Libc.ErrNoEntry)
                return true;
            if (removed is not (Libc.ErrNotDirectory or Libc.ErrNotEmpty))
                throw CpvendorException.Io($"cannot remove the folder {shown}: errno {removed}");

            // Swapped for a link or refilled while root emptied it: look at the name again.
        }

        throw CpvendorException.Io($"cannot remove {shown}: it kept changing while it was being removed");
    }

    private static void Empty(int fd, ulong device, string shown, int depth, Action<string>? opened)
    {
        if (Libc.StatusAt(fd, []) is not { } status)
            throw CpvendorException.Io($"cannot read the folder {shown}");
        if (status.Device != device)
            throw CpvendorException.Untrusted($"refused: {shown} is on another file system (a mount point); nothing below it is removed");
        if (depth >= MaxDepth)
            throw CpvendorException.Invalid($"refused: {shown} lies more than {MaxDepth} folders deep");
        opened?.Invoke(shown);
        foreach (var entry in Libc.ListFolder(fd))
            RemoveEntry(fd, device, entry, shown + "/" + Encoding.UTF8.GetString(entry), depth + 1, opened);
    }
}
