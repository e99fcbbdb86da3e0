using System.CommandLine;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor admin add NAME [--unix-user U] [--email E] [--locale L] [--main]</c>, <c>admin delete NAME</c>.</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME");
        var unixUser = new Option<string>("--unix-user") { Description = "The administrator's UNIX user (joins the admin group)" };
        var email = new Option<string>("--email");
        var locale = new Option<string>("--locale") { Description = "Locale code, e.g. EN_us" };
        var main = new Option<bool>("--main") { Description = "Make this the main administrator" };
        var add = new Command("add", "Create an administrator (hook post_modify_admin.py create).") { name, unixUser, email, locale, main };
        add.SetAction(result => Lifecycle.Report(result, Lifecycle.Service().AddAdmin(new NewAdmin(
            result.GetValue(name)!, result.GetValue(unixUser), result.GetValue(email), result.GetValue(locale), result.GetValue(main)))));

        return new Command("admin", "Panel administrators.")
        {
            add,
            Lifecycle.Simple("delete", "Remove an administrator that owns nothing (hook post_modify_admin.py delete).", "NAME", (s, n) => s.DeleteAdmin(n)),
        };
    }
}
