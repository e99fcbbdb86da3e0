using System.Text;
using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Store;

namespace Cpvendor.UnitTests;

/// <summary>
/// <see cref="CpapiRunner.Run"/> in process (docs/contract.md sections 2 and 6): one envelope whatever
/// happens, and the caller's identity taken only from the sources the install's mode allows. The
/// process runs as root, so the kernel says "root" and the tests vary what else could claim otherwise.
/// </summary>
public sealed class CpapiRunnerTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-runner-").FullName;

    public CpapiRunnerTests()
    {
        StoreInitializer.Create(Store, sampleUsers: 12, seed: 3);
        AnswerPublisher.PublishAll(Config());
    }

    private string Store => Path.Combine(dir, "panel.db");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private InstallConfig Config(IdentityMode identity = IdentityMode.Kernel) =>
        InstallConfig.ForRoot(Path.Combine(dir, "root"), Store) with { Identity = identity };

    private static (string Result, string? Message, JsonElement Data) Parse(ReadOnlyMemory<byte> answer)
    {
        var text = Encoding.UTF8.GetString(answer.Span);
        Assert.EndsWith("\n", text);
        Assert.DoesNotContain('\n', text[..^1]);
        using var document = JsonDocument.Parse(text);
        var metadata = document.RootElement.GetProperty("metadata");
        var message = metadata.TryGetProperty("message", out var m) ? m.GetString() : null;
        return (metadata.GetProperty("result").GetString()!, message, document.RootElement.GetProperty("data").Clone());
    }

    private (string Result, string? Message, JsonElement Data) Call(string[] args, InstallConfig? config = null, Func<string, string?>? environment = null)
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "runs as root: the kernel's identity is part of what is tested");
        var install = config ?? Config();
        return Parse(CpapiRunner.Run(args, () => install, environment ?? NoEnvironment));
    }

    [Fact]
    public void Root_gets_every_script()
    {
        foreach (var script in new[] { "panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php" })
            Assert.Equal("ok", Call([script]).Result);
    }

    [Fact]
    public void Every_script_of_the_grammar_has_an_implementation_and_nothing_else_is_a_script()
    {
        foreach (var grammar in Contract.Grammar.Scripts)
            Assert.Equal("ok", Call([grammar.Script]).Result);

        var unknown = Parse(CpapiRunner.Run(["nosuch"], () => throw new InvalidOperationException(), NoEnvironment));
        Assert.Equal("Unknown script 'nosuch': use one of " + string.Join(", ", Contract.Grammar.Scripts.Select(g => g.Script)), unknown.Message);
    }

    [Fact]
    public void No_script_and_an_unknown_script_are_bad_requests_without_reading_the_install()
    {
        static InstallConfig Unreachable() => throw new InvalidOperationException("the install must not be read");

        Assert.Equal("BadRequest", Parse(CpapiRunner.Run([], Unreachable, NoEnvironment)).Result);
        Assert.Equal("BadRequest", Parse(CpapiRunner.Run(["nosuch"], Unreachable, NoEnvironment)).Result);
    }

    [Fact]
    public void A_failure_to_load_the_install_is_an_internal_error()
    {
        var notInstalled = Parse(CpapiRunner.Run(["users"], () => throw CpvendorException.NotInstalled("test"), NoEnvironment));
        var crashed = Parse(CpapiRunner.Run(["users"], () => throw new InvalidOperationException("boom"), NoEnvironment));

        Assert.Equal("InternalAPIError", notInstalled.Result);
        Assert.Equal("InternalAPIError", crashed.Result);
        Assert.Equal(JsonValueKind.Null, crashed.Data.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(crashed.Message));
    }

    [Fact]
    public void A_missing_read_model_is_an_internal_error_and_a_missing_store_is_not()
    {
        var config = Config() with { Store = Path.Combine(dir, "nosuch.db") };
        Assert.Equal("ok", Call(["users"], config).Result);

        File.Delete(Cpvendor.Store.ReadModel.ReadModelFiles.Current(config));
        Assert.Equal("InternalAPIError", Call(["users"], config).Result);
    }

    [Theory]
    [InlineData("SUDO_UID")]
    [InlineData("PROXYEXEC_UID")]
    public void In_kernel_mode_a_delegated_uid_is_ignored(string variable)
    {
        var environment = (string name) => name == variable ? "4000000000" : null;

        Assert.Equal("ok", Call(["users"], Config(IdentityMode.Kernel), environment).Result);
    }

    [Theory]
    [InlineData("PROXYEXEC_UID", "4000000000", null)]
    [InlineData("SUDO_UID", "65534", "nobody")]
    public void In_privileged_mode_root_answers_for_the_delegated_uid(string variable, string uid, string? sudoUser)
    {
        // Neither uid belongs to an administrator, so the delegated caller is an end user. sudo names
        // the command it ran in SUDO_COMMAND: here, this very program running cpapi.
        var sudoCommand = Environment.ProcessPath + " cpapi users";
        var environment = (string name) => name == variable ? uid : name == "SUDO_USER" ? sudoUser : name == "SUDO_COMMAND" && sudoUser is not null ? sudoCommand : null;

        Assert.Equal("PermissionDenied", Call(["users"], Config(IdentityMode.Privileged), environment).Result);
        Assert.Equal("{}", Call(["domains"], Config(IdentityMode.Privileged), environment).Data.GetRawText());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" 5")]
    public void In_privileged_mode_a_malformed_delegated_uid_fails_closed(string value)
    {
        // Answering as root would hand everything to whoever started the privileged copy this way.
        var environment = (string name) => name == "PROXYEXEC_UID" ? value : null;

        Assert.Equal("InternalAPIError", Call(["users"], Config(IdentityMode.Privileged), environment).Result);
    }

    [Fact]
    public void In_privileged_mode_a_SUDO_UID_without_its_SUDO_USER_fails_closed()
    {
        var environment = (string name) => name == "SUDO_UID" ? "65534" : null;

        Assert.Equal("InternalAPIError", Call(["users"], Config(IdentityMode.Privileged), environment).Result);
    }

    [Fact]
    public void A_filter_problem_replaces_partly_written_data()
    {
        var (result, message, data) = Call(["users", "--username=nosuchuser"]);

        Assert.Equal("NotFound", result);
        Assert.Equal(JsonValueKind.Null, data.ValueKind);
        Assert.Contains("nosuchuser", message);
    }
}
