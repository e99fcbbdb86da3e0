using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary>
/// <c>cpvendor settings db-credential --login L [--host H] [--port P]</c> with the password on stdin
/// (never on the command line, where every user could read it), or <c>--remove</c>.
/// </summary>
internal static class DbCredentialSettingsCommand
{
    public static Command Create()
    {
        var login = new Option<string>("--login") { Description = "A dedicated least-privilege MySQL account" };
        var host = new Option<string>("--host") { DefaultValueFactory = _ => "localhost" };
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 3306 };
        var remove = new Option<bool>("--remove") { Description = "Forget the credential (db_info answers mysql: null)" };
        var command = new Command("db-credential", "Set the db_info MySQL credential; the password is read from stdin.") { login, host, port, remove };
        command.Validators.Add(r =>
        {
            if (r.GetValue(remove) == (r.GetValue(login) is not null))
                r.AddError("give either --login (password on stdin) or --remove");
        });
        command.SetAction(r =>
        {
            var service = Lifecycle.Service();
            if (r.GetValue(remove))
            {
                r.Out().WriteLine(service.SetDbCredential(null));
                return ExitCodes.Success;
            }

            var password = Console.In.ReadLine()?.TrimEnd('\r')
                ?? throw CpvendorException.Invalid("no password on stdin");
            r.Out().WriteLine(service.SetDbCredential(new DbCredential(r.GetValue(login)!, password, r.GetValue(host)!, r.GetValue(port))));
            return ExitCodes.Success;
        });
        return command;
    }
}
