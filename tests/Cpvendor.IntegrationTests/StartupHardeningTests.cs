using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 6: nothing the caller controls loads code or changes which data is read. Each
/// test plants something real (a working startup hook, a library whose constructor writes a marker, a
/// configuration that would make the caller an administrator) and shows that the answer is byte for
/// byte the clean one and that no marker appeared. LD_PRELOAD is out of scope: the dynamic loader
/// honours it for every program the caller starts, so it gives the caller nothing they do not have;
/// the tests use it only to prove that the marker library works.
/// </summary>
public sealed class StartupHardeningTests(UsersInstall env) : IClassFixture<UsersInstall>, IDisposable
{
    private static readonly string[][] Calls =
        [["panel_info"], ["domains", "--with-php"], ["users"], ["db_info"], ["admins", "-m", "true"]];

    private readonly string scratch = MakeScratch();

    private string Marker => Path.Combine(scratch, "marker");

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static string MakeScratch()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-hostile-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b1_111_111_111); // 1777: the markers may be written as the end user.
        return dir;
    }

    /// <summary>Runs every call as root and as an end user, clean and hostile, and compares.</summary>
    private void AnswersAreUnchanged(IReadOnlyDictionary<string, string> hostile, string? workingDirectory = null, string? binary = null)
    {
        foreach (var user in new[] { null, env.Alice })
        {
            foreach (var call in Calls)
            {
                var clean = env.Install.Cpapi(user, call);
                var attacked = Run.Program(binary ?? env.Install.Binary, ["cpapi", .. call], user, hostile, workingDirectory: workingDirectory ?? "/");
                Envelope.Of(attacked);
                Assert.True(clean.Stdout == attacked.Stdout, $"as {user?.Name ?? "root"}, cpapi {string.Join(' ', call)} changed:\nclean   {clean.Stdout}\nhostile {attacked.Stdout}");
            }
        }

        Assert.False(File.Exists(Marker), "planted code ran inside cpvendor");
    }

    [Fact]
    public void A_startup_hook_that_works_elsewhere_never_runs_in_cpvendor()
    {
        var hook = typeof(StartupHook).Assembly.Location;
        var hostile = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = hook,
            ["CPVENDOR_TEST_HOOK_MARKER"] = Marker,
        };

        // The hook is real: a CoreCLR host (this test assembly's own) runs it.
        var control = new Dictionary<string, string>(hostile);
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
            control["DOTNET_ROOT"] = dotnetRoot;
        Run.Program(Environment.ProcessPath!, ["--help"], environment: control, cleanEnvironment: false);
        Assert.True(File.Exists(Marker), "the startup hook did not run under CoreCLR: the test proves nothing");
        File.Delete(Marker);

        AnswersAreUnchanged(hostile);
    }

    [Fact]
    public void A_profiler_library_that_works_elsewhere_is_never_loaded()
    {
        var library = MarkerLibrary.Build(scratch, Marker);

        // The library is real: the dynamic loader runs its constructor.
        Run.Program("/bin/true", [], environment: new Dictionary<string, string> { ["LD_PRELOAD"] = library });
        Assert.True(File.Exists(Marker), "the marker library did not run: the test proves nothing");
        File.Delete(Marker);

        AnswersAreUnchanged(new Dictionary<string, string>
        {
            ["CORECLR_ENABLE_PROFILING"] = "1",
            ["CORECLR_PROFILER"] = "{8C8D1B2E-0000-4C3A-9F3B-5A1D2C3E4F50}",
            ["CORECLR_PROFILER_PATH"] = library,
            ["CORECLR_PROFILER_PATH_64"] = library,
            ["CORECLR_ENABLE_NOTIFICATION_PROFILERS"] = "1",
            ["CORECLR_NOTIFICATION_PROFILERS"] = library + "={8C8D1B2E-0000-4C3A-9F3B-5A1D2C3E4F51}",
            ["DOTNET_STARTUP_HOOKS"] = library,
        });
    }

    [Fact]
    public void Runtime_and_library_paths_in_the_environment_load_nothing()
    {
        var library = MarkerLibrary.Build(scratch, Marker);
        foreach (var name in new[] { "libe_sqlite3.so", "libSystem.Native.so", "libcoreclr.so", "libclrjit.so", "libhostfxr.so", "libicuuc.so" })
            File.Copy(library, Path.Combine(scratch, name));
        File.WriteAllText(Path.Combine(scratch, "extra.deps.json"), """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"extra/1.0":{"native":{"libe_sqlite3.so":{}}}}},"libraries":{"extra/1.0":{"type":"project","serviceable":false,"sha512":""}}}""");

        AnswersAreUnchanged(new Dictionary<string, string>
        {
            ["DOTNET_ADDITIONAL_DEPS"] = scratch,
            ["DOTNET_ROOT"] = scratch,
            ["DOTNET_SHARED_STORE"] = scratch,
            ["LD_LIBRARY_PATH"] = scratch,
            ["DOTNET_gcServer"] = "1",
            ["DOTNET_GCgen0size"] = "0x4000000",
            ["DOTNET_TieredCompilation"] = "0",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
            ["DOTNET_SYSTEM_GLOBALIZATION_APPLOCALICU"] = "77.1:" + scratch,
            ["SQLITE_TMPDIR"] = scratch,
            ["TMPDIR"] = scratch,
        });
    }

    [Fact]
    public void A_planted_configuration_or_store_is_never_read()
    {
        // A complete fake install that would make the end user an administrator of an "Evil Panel".
        var evil = Path.Combine(scratch, "evil");
        using var fake = TempInstall.FromStore(KnownPanel.WriteEmptyStore);
        var config = env.Install.Config with
        {
            Root = evil,
            Store = fake.Store,
            DbSecret = fake.Store + ".secret",
            DataDir = fake.Config.DataDir,
            AdminGid = env.Alice.Gid,
            Identity = Core.IdentityMode.Privileged,
        };
        foreach (var folder in new[] { evil, Path.Combine(evil, "etc"), Path.Combine(evil, "bin"), Path.Combine(evil, "opt/cpvendor/etc") })
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.WriteAllText(Path.Combine(folder, "cpvendor.conf"), config.Render());
        }

        var viaLink = Path.Combine(evil, "bin", "cpvendor");
        File.CreateSymbolicLink(viaLink, env.Install.Binary);
        var hostile = new Dictionary<string, string>
        {
            ["HOME"] = evil,
            ["PWD"] = evil,
            ["CPVENDOR_CONF"] = Path.Combine(evil, "etc", "cpvendor.conf"),
            ["CPVENDOR_CONFIG"] = Path.Combine(evil, "etc", "cpvendor.conf"),
            ["CPVENDOR_STORE"] = fake.Store,
            ["CPVENDOR_ROOT"] = evil,
            ["XDG_CONFIG_HOME"] = evil,
        };

        AnswersAreUnchanged(hostile, workingDirectory: evil);
        AnswersAreUnchanged(hostile, workingDirectory: Path.Combine(evil, "bin"), binary: viaLink);
    }

    [Fact]
    public void Identity_variables_set_by_an_end_user_change_nothing()
    {
        var uid = env.Alice.Uid.ToString(CultureInfo.InvariantCulture);
        AnswersAreUnchanged(new Dictionary<string, string>
        {
            ["SUDO_UID"] = "0",
            ["SUDO_USER"] = "root",
            ["SUDO_GID"] = "0",
            ["PROXYEXEC_UID"] = "0",
            ["USER"] = "root",
            ["LOGNAME"] = "root",
        });

        // Root stays root too: in the default (kernel) identity mode a delegated uid is ignored.
        var envelope = Envelope.Of(Run.Program(env.Install.Binary, ["cpapi", "db_info"], environment: new Dictionary<string, string> { ["SUDO_UID"] = uid, ["PROXYEXEC_UID"] = uid })).Is("ok");
        Assert.Contains(env.Panel.Credential.Password, envelope.Run.Stdout);
    }
}
