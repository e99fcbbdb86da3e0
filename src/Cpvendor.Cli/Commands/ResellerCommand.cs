using System.CommandLine;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor reseller add NAME [--id N] [--email E] [--locale L]</c>, <c>reseller delete NAME</c>.</summary>
internal static class ResellerCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME");
        var id = new Option<long?>("--id") { Description = "The reseller's LVE id, in MAX_UID..4294967295" };
        var email = new Option<string>("--email");
        var locale = new Option<string>("--locale") { Description = "Locale code, e.g. EN_us" };
        var add = new Command("add", "Create a reseller.") { name, id, email, locale };
        add.SetAction(result => Lifecycle.Report(result, Lifecycle.Service().AddReseller(new NewReseller(
            result.GetValue(name)!, result.GetValue(id), result.GetValue(email), result.GetValue(locale)))));

        return new Command("reseller", "Resellers.")
        {
            add,
            Lifecycle.Simple("delete", "Remove a reseller that owns no users and no packages.", "NAME", (s, n) => s.DeleteReseller(n)),
        };
    }
}
