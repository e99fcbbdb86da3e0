using Cpvendor.Conformance.Ini;
using Cpvendor.Conformance.Running;
using Cpvendor.Core;

namespace Cpvendor.Conformance.Checks;

/// <summary>What every check works with: the options, the ini as CloudLinux reads it, the call log, the baseline, the end users.</summary>
internal sealed class CheckContext
{
    public CheckContext(CheckerOptions options, IntegrationConfig config, IReadOnlyList<RunAs> endUsers, bool isRoot)
    {
        Options = options;
        Config = config;
        EndUsers = endUsers;
        IsRoot = isRoot;
        Calls = new CallLog(config, options.Timeout, options.AllowUntrusted) { Watch = new HostWatch(SideEffectChecks.FoldersNamed(config)) };
        Baseline = new Baseline((script, args) => Call(script, CallExpectation.Ok, args));
        MaxUid = LoginDefs.UidMax("/etc/login.defs");
    }

    public CheckerOptions Options { get; }

    public IntegrationConfig Config { get; }

    public IReadOnlyList<RunAs> EndUsers { get; }

    /// <summary>The <c>--as-admin</c> accounts: they must get what root gets.</summary>
    public IReadOnlyList<RunAs> TrustedAccounts { get; init; } = [];

    /// <summary>The checker runs as root: end-user and every-user checks can drop privileges.</summary>
    public bool IsRoot { get; }

    public CallLog Calls { get; }

    public Baseline Baseline { get; }

    /// <summary>UID_MAX of /etc/login.defs (60000 when absent): reseller ids start above the UNIX users.</summary>
    public long MaxUid { get; }

    /// <summary>Runs a script as root with CloudLinux's arguments appended; null when the ini has no command for it.</summary>
    public CallResult? Call(string script, CallExpectation expectation, params string[] args) =>
        Calls.Run(new ScriptCall(script, args), expectation);

    public CallResult? CallAs(RunAs user, string script, CallExpectation expectation, params string[] args) =>
        Calls.Run(new ScriptCall(script, args, user), expectation);

    public CallResult? CallRaw(string script, string[] args, byte[] rawLast) =>
        Calls.Run(new ScriptCall(script, args, RawLastArgument: rawLast), CallExpectation.Probe);

    /// <summary>Why the end-user checks cannot run, or null.</summary>
    public string? EndUsersMissing => EndUsers.Count == 0
        ? "no end user given: run with --as-user NAME (an existing UNIX user who is a panel end user)"
        : !IsRoot ? "the checker must run as root to run scripts as another user" : null;
}
