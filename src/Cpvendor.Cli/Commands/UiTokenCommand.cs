using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor ui-token issue --user NAME [--type admin|reseller|user] [--domain D] [--ttl SECONDS]</c> (root only).</summary>
internal static class UiTokenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The logged-in panel user (administrator, reseller or account)", Required = true };
        var type = new Option<string>("--type") { Description = "The role the token is for: admin, reseller or user (needed when the name has two)" };
        var domain = new Option<string>("--domain") { Description = "The domain the user is working on" };
        var ttl = new Option<int>("--ttl") { Description = "Lifetime in seconds", DefaultValueFactory = _ => 3600 };
        var issue = new Command("issue", "Print a fresh token to open LVE Manager with (?token=...).") { user, type, domain, ttl };
        issue.SetAction(r =>
        {
            var token = UiTokens.IssueFor(InstallLayout.LoadForThisBinary(), r.GetValue(user)!, r.GetValue(type), r.GetValue(domain), TimeSpan.FromSeconds(r.GetValue(ttl)));
            r.Out().WriteLine(token);
            return ExitCodes.Success;
        });
        return new Command("ui-token", "Tokens for ui_user_info.") { issue };
    }
}
