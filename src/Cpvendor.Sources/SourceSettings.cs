using Cpvendor.Core;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources;

/// <summary>
/// Which source this install serves from, kept in the store's <c>source</c> row (read with the
/// data, so the cpapi needs no extra file). The connection string is a secret and lives apart, in a
/// root-only file beside the store (<see cref="SecretPath"/>).
/// </summary>
public sealed record SourceSettings(SourceKind Kind, string? Server, int? MaxAgeSeconds, bool DeriveHooks)
{
    public static SourceSettings Embedded { get; } = new(SourceKind.Embedded, null, null, DeriveHooks: true);

    /// <summary>The connection-string file that goes with a store: <c>FILE.source</c>, mode 0600 root.</summary>
    public static string SecretPath(string store) => store + ".source";

    public static SourceSettings Read(StoreSession store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return From(store.Source());
    }

    /// <summary>The settings a source row holds (<see cref="Embedded"/> when there is none).</summary>
    public static SourceSettings From(SourceRow? row) =>
        row is null ? Embedded : new SourceSettings(ParseKind(row.Kind), row.Server, row.MaxAgeSeconds, row.DeriveHooks);

    /// <summary>Points the install at a source: the settings into the store, the secret into its file.</summary>
    public void Save(string storePath, string? connectionString)
    {
        if (Kind != SourceKind.Embedded && string.IsNullOrWhiteSpace(connectionString))
            throw CpvendorException.Invalid("a database source needs --connection-string");
        if (MaxAgeSeconds is <= 0)
            throw CpvendorException.Invalid("--max-age must be a positive number of seconds");

        using (var store = PanelStore.OpenForWrite(storePath))
        using (var writer = new PanelWriter(store))
        {
            writer.SetSource(KindName(Kind), Server, MaxAgeSeconds, DeriveHooks);
            writer.Commit();
        }

        var secret = SecretPath(storePath);
        if (Kind == SourceKind.Embedded)
            File.Delete(secret);
        else
            SecureFile.WriteAtomic(secret, System.Text.Encoding.UTF8.GetBytes(connectionString!.Trim() + "\n"), FileModes.PrivateFile, RootId, RootId);
    }

    /// <summary>The connection string of a database source, from its root-only file.</summary>
    public static string ReadSecret(string storePath)
    {
        var path = SecretPath(storePath);
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : throw CpvendorException.BadConfig(path, "holds no connection string");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CpvendorException.BadConfig(path, "missing: run 'cpvendor settings source mysql|postgres --connection-string ...'");
        }
    }

    public static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.MySql => "mysql",
        SourceKind.Postgres => "postgres",
        SourceKind.Virtualmin => "virtualmin",
        SourceKind.IspConfig => "ispconfig",
        _ => "embedded",
    };

    public static SourceKind ParseKind(string name) => name switch
    {
        "mysql" or "mariadb" => SourceKind.MySql,
        "postgres" or "postgresql" => SourceKind.Postgres,
        "embedded" => SourceKind.Embedded,
        "virtualmin" => SourceKind.Virtualmin,
        "ispconfig" => SourceKind.IspConfig,
        _ => throw CpvendorException.Invalid($"unknown source '{name}': use embedded, mysql, postgres, virtualmin or ispconfig"),
    };

    private static uint? RootId => Core.Native.Libc.GetEuid() == 0 ? 0u : null;
}
