using System.Runtime.InteropServices;

namespace Cpvendor.Store.Native;

/// <summary>
/// The few SQLite C calls the answering path makes itself, on the connection Microsoft.Data.Sqlite
/// opened: stepping a large result through the wrapper cost more than the query (a SafeHandle
/// round trip and a UTF-16 string per column), where these read UTF-8 straight from SQLite's row.
/// The published binary links SQLite statically (DirectPInvoke); other builds load the package's library.
/// </summary>
internal static unsafe partial class Sqlite3
{
    public const int Ok = 0;
    public const int Row = 100;
    public const int Done = 101;
    public const int Null = 5;

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound value before the call returns.</summary>
    public static readonly nint Transient = -1;

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_prepare_v2")]
    public static partial int Prepare(nint db, byte* sql, int length, nint* statement, byte** tail);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_finalize")]
    public static partial int Finalize(nint statement);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_text")]
    public static partial int BindText(nint statement, int index, byte* text, int length, nint destructor);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_bind_int64")]
    public static partial int BindInt64(nint statement, int index, long value);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_column_type")]
    public static partial int ColumnType(nint statement, int column);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_column_int64")]
    public static partial long ColumnInt64(nint statement, int column);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_column_text")]
    public static partial byte* ColumnText(nint statement, int column);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_column_bytes")]
    public static partial int ColumnBytes(nint statement, int column);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_vfs_find")]
    public static partial nint VfsFind(byte* name);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_vfs_register")]
    public static partial int VfsRegister(nint vfs, int makeDefault);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_errmsg")]
    public static partial byte* ErrorMessage(nint db);
}
