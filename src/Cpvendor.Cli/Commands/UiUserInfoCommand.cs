using System.CommandLine;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor ui-user-info TOKEN</c>, the ui_user_info script of <c>[lvemanager_config]</c>
/// (docs/contract.md section 3): the bare object for a live token; for anything else (no token, unknown, expired,
/// unreadable token store, any failure) <c>{}</c> and exit 1. Dispatched before the parser so that
/// even a malformed call answers that way.
/// </summary>
internal static class UiUserInfoCommand
{
    private static readonly byte[] Closed = "{}\n"u8.ToArray();

    public static int Run(string[] args)
    {
        Libc.SilenceDescriptor(2);
        byte[] answer;
        try
        {
            var info = args.Length == 1 ? UiTokens.Resolve(InstallLayout.LoadForThisBinary(), args[0]) : null;
            if (info is null)
                return Fail();
            answer = [.. JsonSerializer.SerializeToUtf8Bytes(info, CpapiJsonContext.Default.UiUserInfo), (byte)'\n'];
        }
        catch (Exception)
        {
            return Fail();
        }

        return Libc.WriteAll(1, answer) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>A help entry only: the real dispatch happens in Program before parsing.</summary>
    public static Command CreateHelp()
    {
        var token = new Argument<string>("TOKEN");
        return new Command("ui-user-info", "Answer LVE Manager's ui_user_info call for a token (prints {} and exits 1 when not valid).") { token };
    }

    private static int Fail()
    {
        Libc.WriteAll(1, Closed);
        return ExitCodes.Failure;
    }
}
