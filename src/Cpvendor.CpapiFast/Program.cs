using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Prerendered;

// cpvendor-cpapi SCRIPT [ARGS...]: what integration.ini runs. stderr goes to /dev/null first, as in
// 'cpvendor cpapi'. A call the pre-rendered answers hold is answered here; any other call, and any
// doubt, becomes 'cpvendor cpapi SCRIPT [ARGS...]' in this same process (execv).
Libc.SilenceDescriptor(2);
try
{
    var config = InstallLayout.LoadForThisBinary();
    var caller = CallerResolver.Resolve(config, Environment.GetEnvironmentVariable);
    switch (FastAnswers.Answer(config, caller, args, answer => Libc.WriteAll(1, answer)))
    {
        case Outcome.Written:
            return ExitCodes.Success;
        case Outcome.WriteFailed:
            return ExitCodes.Failure;
    }
}
catch (Exception)
{
    // Whatever went wrong here, the full binary meets it too and words it as an envelope.
}

var full = FullBinary.Beside(Environment.ProcessPath ?? "/proc/self/exe");
FullBinary.Exec(full, args);
return Libc.WriteAll(1, FullBinary.Unstartable) ? ExitCodes.Success : ExitCodes.Failure;
