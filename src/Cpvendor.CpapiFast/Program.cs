using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Prerendered;

// cpvendor-cpapi SCRIPT [ARGS...]: what integration.ini runs. stderr goes to /dev/null first, as in
// 'cpvendor cpapi'. A call the pre-rendered answers hold is answered here; any other call, and any
// doubt, becomes 'cpvendor cpapi SCRIPT [ARGS...]' in this same process (execv). The privileged copy
// (identity = privileged beside it, run as root by sudo or proxyexec) takes the full copy's own
// command line, 'cpapi SCRIPT [ARGS...]', which is what the sudo rule allows, and hands it on as given:
// anything but cpapi is the full copy's to refuse.
Libc.SilenceDescriptor(2);
string[] handOver = ["cpapi", .. args];
try
{
    var config = InstallLayout.LoadForThisBinary();
    if (config.Identity == IdentityMode.Privileged)
        handOver = args;
    if (handOver is ["cpapi", .. var call])
    {
        var caller = CallerResolver.Resolve(config, Environment.GetEnvironmentVariable);
        switch (FastAnswers.Answer(config, caller, call, answer => Libc.WriteAll(1, answer)))
        {
            case Outcome.Written:
                return ExitCodes.Success;
            case Outcome.WriteFailed:
                return ExitCodes.Failure;
        }
    }
}
catch (Exception)
{
    // Whatever went wrong here, the full binary meets it too and words it as an envelope.
}

var full = FullBinary.Beside(Environment.ProcessPath ?? "/proc/self/exe");
FullBinary.Exec(full, handOver);
return Libc.WriteAll(1, FullBinary.Unstartable) ? ExitCodes.Success : ExitCodes.Failure;
