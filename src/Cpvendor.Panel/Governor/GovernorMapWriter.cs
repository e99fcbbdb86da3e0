using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Panel.Governor;

/// <summary>
/// Writes the MySQL Governor map (CONTRACT.md section 7): one line per database user,
/// <c>db_user account uid</c> with single spaces, ordered by database user, rewritten atomically
/// (temporary file, fsync, rename) so that Governor, which re-reads the file when its mtime changes,
/// never sees half of it. Governor caps fields at 64 characters, keeps the first of duplicated
/// database users and skips lines with an empty field or a uid below 1: the store already forbids
/// all of those (database users are unique and at most 64 characters, account names at most 32,
/// uids at least 1), and the query filters them once more so the file is right by construction.
/// </summary>
internal static class GovernorMapWriter
{
    private const UnixFileMode MapMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600: read by root's db_governor only
    private const UnixFileMode FolderMode = (UnixFileMode)0b111_101_101; // 0755

    // Built inside SQLite in one pass: on a store of 10,000 accounts this is one string, not 15,000 rows.
    private const string Query =
        """
        SELECT string_agg(d.db_user || ' ' || u.username || ' ' || u.uid, char(10) ORDER BY d.db_user)
        FROM db_users d JOIN users u ON u.username = d.owner
        WHERE u.uid >= 1 AND length(d.db_user) BETWEEN 1 AND 64 AND length(u.username) BETWEEN 1 AND 64
        """;

    public static string Render(SqliteConnection connection)
    {
        var text = Sql.Scalar(connection, null, Query) as string;
        return string.IsNullOrEmpty(text) ? "" : text + "\n";
    }

    public static void Write(InstallConfig config, SqliteConnection connection)
    {
        var folder = Path.GetDirectoryName(config.GovernorMap)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, FolderMode);
        }

        var root = Libc.GetEuid() == 0 ? 0u : (uint?)null;
        SecureFile.WriteAtomic(config.GovernorMap, Encoding.UTF8.GetBytes(Render(connection)), MapMode, root, root);
    }
}
