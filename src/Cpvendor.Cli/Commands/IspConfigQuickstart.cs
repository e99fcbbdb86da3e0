using Cpvendor.Core;
using Cpvendor.Host;
using Cpvendor.Sources;
using Cpvendor.Sources.IspConfig;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>quickstart --panel ispconfig</c>: a sample ISPConfig 3.2 master database on MariaDB (the one
/// given with <c>--mariadb</c>, or a private one started on loopback in the quickstart folder and
/// stopped at the end), the host's passwd with the websites' users, the source pointed at it, one sync.
/// </summary>
internal static class IspConfigQuickstart
{
    public const string Database = "cpvendor_quickstart_ispconfig";

    public static int Run(TextWriter output, string? dir, int users, string? mariadb)
    {
        if (mariadb is null && !LoopbackMariaDb.Available)
            throw CpvendorException.Invalid(LoopbackMariaDb.Missing);
        return new Quickstart(output).RunWithSource(dir, users, "ISPConfig 3", (store, config, log) =>
        {
            LoopbackMariaDb? server = null;
            if (mariadb is null)
            {
                log.WriteLine("starting a private MariaDB on 127.0.0.1 (stopped when the quickstart ends)");
                server = LoopbackMariaDb.Start(Path.Combine(Path.GetDirectoryName(store)!, "mariadb"));
            }

            try
            {
                var admin = mariadb ?? server!.ConnectionString;
                var passwd = IspConfigSample.Create(admin, Database, store);
                var etc = Path.Combine(config.Root, "etc");
                Directory.CreateDirectory(etc);
                File.WriteAllText(Path.Combine(etc, "passwd"), "root:x:0:0:root:/root:/bin/bash\n" + passwd);
                log.WriteLine($"database {Database}: ISPConfig's tables with one web server; {Path.Combine(etc, "passwd")}: its websites' users");
                new SourceSettings(SourceKind.IspConfig, "1", null, DeriveHooks: true).Save(store, admin + $";Database={Database}");
                var report = SyncRunner.Run(config);
                log.WriteLine($"cpvendor settings source ispconfig --server-id 1; cpvendor sync: {report.Users} accounts, {report.Domains} domains");
                return server;
            }
            catch
            {
                server?.Dispose();
                throw;
            }
        });
    }
}
