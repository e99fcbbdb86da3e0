using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Adds a domain to an account (its main one if it has none).</summary>
    public ChangeResult AddDomain(NewDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var name = DomainNames.Normalize(domain.Name);
        var root = domain.DocumentRoot is null ? null : Names.AbsolutePath(domain.DocumentRoot, "document root");
        if (domain.Handler is not (null or "fpm" or "cgi" or "lsapi"))
            throw CpvendorException.Invalid($"invalid handler '{Names.Show(domain.Handler)}': use fpm, cgi or lsapi");
        return Change(c =>
        {
            var uid = Uid(c, domain.Owner);
            EnsureDomainFree(c, name);
            if (domain.PhpVersionId is not null && !c.Writer.PhpVersionExists(domain.PhpVersionId))
                throw CpvendorException.Invalid($"unknown PHP version '{Names.Show(domain.PhpVersionId)}': see 'cpvendor settings show'");
            var home = c.Writer.UserHome(domain.Owner);
            if (root is not null)
                PanelPaths.DocumentRoot(root, home);
            var main = !c.Writer.HasMainDomain(domain.Owner);
            c.Writer.Insert(new DomainRow(name, domain.Owner, root ?? home + "/" + name, main, domain.PhpVersionId, domain.Handler));
            c.Affect(PanelEffect.User(uid));
            return $"added domain {name} to {domain.Owner}";
        });
    }

    /// <summary>
    /// Renames a domain; with <paramref name="includeSubdomains"/> the account's <c>sub.OLD</c> become
    /// <c>sub.NEW</c> too. Hook <c>post_modify_domain.py modify</c>.
    /// </summary>
    public ChangeResult RenameDomain(string name, string newName, bool includeSubdomains)
    {
        var old = DomainNames.Normalize(name);
        var renamed = DomainNames.Normalize(newName);
        return Change(c =>
        {
            var owner = c.Writer.DomainOwner(old) ?? throw CpvendorException.Invalid($"no domain '{old}'");
            var uid = Uid(c, owner);
            var moves = new List<(string From, string To)> { (old, renamed) };
            if (includeSubdomains)
            {
                foreach (var sub in c.Writer.SubdomainsOf(owner, old))
                    moves.Add((sub, DomainNames.Normalize(sub[..^old.Length] + renamed)));
            }

            foreach (var (_, to) in moves)
                EnsureDomainFree(c, to);
            foreach (var (from, to) in moves)
                c.Writer.RenameDomain(from, to);
            c.Affect(PanelEffect.User(uid));
            c.Emit(HookEvent.DomainRenamed(owner, uid, old, renamed, includeSubdomains));
            return $"renamed domain {old} to {renamed}" + (moves.Count > 1 ? $" with {moves.Count - 1} subdomain(s)" : "");
        });
    }

    /// <summary>Removes a domain that is not its account's main domain.</summary>
    public ChangeResult DeleteDomain(string name)
    {
        var domain = DomainNames.Normalize(name);
        return Change(c =>
        {
            var owner = c.Writer.DomainOwner(domain) ?? throw CpvendorException.Invalid($"no domain '{domain}'");
            if (c.Writer.IsMainDomain(domain))
                throw CpvendorException.Invalid($"'{domain}' is the main domain of '{owner}'; an account keeps exactly one main domain");
            c.Writer.DeleteDomain(domain);
            c.Affect(PanelEffect.User(Uid(c, owner)));
            return $"deleted domain {domain}";
        });
    }

    private static void EnsureDomainFree(ChangeContext c, string domain)
    {
        if (c.Writer.DomainOwner(domain) is { } owner)
            throw CpvendorException.Invalid($"domain '{domain}' already exists (owned by '{owner}')");
    }
}
