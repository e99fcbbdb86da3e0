using System.CommandLine;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor domain add|rename|delete</c>.</summary>
internal static class DomainCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME");
        var owner = new Option<string>("--owner") { Description = "The account owning the domain", Required = true };
        var root = new Option<string>("--document-root") { Description = "Absolute path (default HOME/NAME)" };
        var php = new Option<string>("--php") { Description = "PHP version identifier, e.g. alt-php82" };
        var handler = new Option<string>("--handler") { Description = "fpm, cgi or lsapi" };
        var add = new Command("add", "Add a domain to an account.") { name, owner, root, php, handler };
        add.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().AddDomain(new NewDomain(
            r.GetValue(name)!, r.GetValue(owner)!, r.GetValue(root), r.GetValue(php), r.GetValue(handler)))));

        var old = new Argument<string>("OLD");
        var newName = new Option<string>("--new-name") { Required = true };
        var subdomains = new Option<bool>("--include-subdomains") { Description = "Rename sub.OLD to sub.NEW too" };
        var rename = new Command("rename", "Rename a domain (hook post_modify_domain.py modify).") { old, newName, subdomains };
        rename.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().RenameDomain(r.GetValue(old)!, r.GetValue(newName)!, r.GetValue(subdomains))));

        return new Command("domain", "Domains of accounts.")
        {
            add,
            rename,
            Lifecycle.Simple("delete", "Remove a domain (not an account's main domain).", "NAME", (s, n) => s.DeleteDomain(n)),
        };
    }
}
