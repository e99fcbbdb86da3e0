using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Store;

/// <summary>
/// The panel records a file-based source read but could not serve (a server whose UNIX user does
/// not exist on this host, a plan or reseller that is not there), kept beside the store as
/// <c>STORE.unmapped</c>, one line per record, mode 0600 root, so that <c>sync --status</c> and the
/// doctor can show them. Rewritten by every read of the source; no file or an empty one means none.
/// </summary>
public static class UnmappedRecords
{
    public static string PathOf(string store) => store + ".unmapped";

    public static IReadOnlyList<string> Read(string store)
    {
        try
        {
            return File.ReadAllLines(PathOf(store)).Where(l => l.Length > 0).ToList();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }

    public static void Write(string store, IReadOnlyList<string> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var path = PathOf(store);
        if (records.Count == 0 && !File.Exists(path))
            return;
        var text = new StringBuilder();
        foreach (var record in records)
            text.Append(record.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return;
        var root = Core.Native.Libc.GetEuid() == 0 ? 0u : (uint?)null;
        SecureFile.WriteAtomic(path, bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite, root, root);
    }
}
