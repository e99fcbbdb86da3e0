namespace Cpvendor.Store;

/// <summary>
/// Selects the SQLite provider once. The published binary links SQLite statically (DirectPInvoke of
/// <c>e_sqlite3</c>); test builds load the same library from the package's native folder.
/// </summary>
public static class SqliteBootstrap
{
    private static int done;

    public static void Init()
    {
        if (Interlocked.Exchange(ref done, 1) == 0)
            SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
    }
}
