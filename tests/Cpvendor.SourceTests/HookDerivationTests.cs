using Cpvendor.Panel;
using Cpvendor.Sources;
using Cpvendor.Sources.Diff;
using Cpvendor.Store.Model;

namespace Cpvendor.SourceTests;

/// <summary>The hooks a panel never sent, derived by stable ids (docs/contract.md section 5), in order.</summary>
public sealed class HookDerivationTests
{
    private static readonly PanelSnapshot Base = Panel(
        [User("1", "alice", "admin", "Pro"), User("2", "bob", "res1", null), User("3", "carol", "admin", "Pro")],
        [Domain("10", "alice.com", "alice"), Domain("11", "bob.net", "bob"), Domain("12", "shop.alice.com", "alice")],
        [new PackageRow("admin", "Pro"), new PackageRow("res1", "Tiny")]);

    [Fact]
    public void Identical_snapshots_derive_no_hooks() => Assert.Empty(HookDeriver.Derive(Base, Base));

    [Fact]
    public void Created_account_is_announced_after_with_its_owner()
    {
        var after = Base with { Users = [.. Base.Users, User("4", "dave", "res1", null)] };
        Assert.Equal(["post_modify_user.py create --username dave --owner res1"], Names(HookDeriver.Derive(Base, after)));
    }

    [Fact]
    public void Deleted_account_gets_a_pre_hook_before_and_a_post_hook_after()
    {
        var after = Base with { Users = Base.Users.Where(u => u.AccountId != "2").ToList(), Domains = Base.Domains.Where(d => d.Row.Owner != "bob").ToList() };
        var events = HookDeriver.Derive(Base, after);
        Assert.Equal(["pre_modify_user.py delete --username bob", "post_modify_user.py delete --username bob"], Names(events));
        Assert.Equal(HookPhase.Pre, events[0].Phase);
        Assert.Equal(HookPhase.Post, events[1].Phase);
    }

    [Fact]
    public void Account_deleted_and_its_name_taken_again_is_deleted_before_the_new_one_is_created()
    {
        var after = Base with
        {
            Users = [Base.Users[0], User("4", "bob", "admin", null), Base.Users[2]],
            Domains = [Base.Domains[0], Domain("14", "bob.org", "bob"), Base.Domains[2]],
        };
        Assert.Equal(
            ["pre_modify_user.py delete --username bob", "post_modify_user.py delete --username bob", "post_modify_user.py create --username bob --owner admin"],
            Names(HookDeriver.Derive(Base, after)));
    }

    [Fact]
    public void Derived_events_carry_the_ordering_keys_of_the_lifecycle_events_of_the_same_account()
    {
        var after = Base with
        {
            Users = [User("1", "alicia", "res1", "Pro"), Base.Users[2], User("4", "dave", "res1", null)],
            Domains = [Domain("10", "alicia.org", "alicia"), Domain("12", "shop.alice.com", "alicia"), Domain("13", "dave.io", "dave")],
        };
        Assert.Equal(
            [
                HookEvent.UserDeleting("bob", 20002),
                HookEvent.UserDeleted("bob", 20002),
                HookEvent.UserRenamed("alice", "alicia", 20001),
                HookEvent.UserMoved("alicia", "res1", 20001),
                HookEvent.DomainRenamed("alicia", 20001, "alice.com", "alicia.org", includeSubdomains: false),
                HookEvent.UserCreated("dave", "res1", 20004),
            ],
            HookDeriver.Derive(Base, after),
            (a, b) => a.Phase == b.Phase && a.CommandLine == b.CommandLine && a.Keys.SequenceEqual(b.Keys, StringComparer.Ordinal));
    }

    [Fact]
    public void Same_account_id_with_a_new_name_is_a_rename_and_a_new_owner_is_a_move()
    {
        var after = Base with
        {
            Users = [User("1", "alicia", "res1", "Pro"), Base.Users[1], Base.Users[2]],
            Domains = Base.Domains.Select(d => d.Row.Owner == "alice" ? d with { Row = d.Row with { Owner = "alicia" } } : d).ToList(),
        };
        Assert.Equal(
            ["post_modify_user.py modify -u alice --new-username alicia", "post_modify_user.py modify -u alicia --new-owner res1"],
            Names(HookDeriver.Derive(Base, after)));
    }

    [Fact]
    public void Same_domain_id_with_a_new_name_is_a_domain_rename_of_its_owner()
    {
        var after = Base with { Domains = [Domain("10", "alice.org", "alice"), Base.Domains[1], Base.Domains[2]] };
        Assert.Equal(["post_modify_domain.py modify -u alice --domain alice.com --new-domain alice.org"], Names(HookDeriver.Derive(Base, after)));
    }

    [Fact]
    public void Package_replaced_by_one_with_exactly_the_same_accounts_is_a_rename()
    {
        var after = Base with
        {
            Packages = [new PackageRow("admin", "Premium"), new PackageRow("res1", "Tiny")],
            Users = Base.Users.Select(u => u.Row.PackageName == "Pro" ? u with { Row = u.Row with { PackageName = "Premium" } } : u).ToList(),
        };
        Assert.Equal(["post_modify_package.py rename --name Pro --new-name Premium"], Names(HookDeriver.Derive(Base, after)));
    }

    [Fact]
    public void Package_whose_accounts_went_elsewhere_is_not_a_rename()
    {
        var after = Base with
        {
            Packages = [new PackageRow("admin", "Premium"), new PackageRow("res1", "Tiny")],
            Users = [Base.Users[0] with { Row = Base.Users[0].Row with { PackageName = "Premium" } }, Base.Users[1], Base.Users[2] with { Row = Base.Users[2].Row with { PackageName = null, PackageOwner = null } }],
        };
        Assert.Empty(HookDeriver.Derive(Base, after));
    }

    [Fact]
    public void Many_changes_come_in_the_documented_order()
    {
        var after = Panel(
            [User("1", "alicia", "admin", "Pro"), User("3", "carol", "res1", "Pro"), User("5", "erin", "admin", null)],
            [Domain("10", "alicia.com", "alicia"), Domain("12", "shop.alice.com", "alicia"), Domain("13", "erin.io", "erin")],
            [new PackageRow("admin", "Pro"), new PackageRow("res1", "Small")]);
        Assert.Equal(
            [
                "pre_modify_user.py delete --username bob",
                "post_modify_user.py delete --username bob",
                "post_modify_package.py rename --name Tiny --new-name Small",
                "post_modify_user.py modify -u alice --new-username alicia",
                "post_modify_user.py modify -u carol --new-owner res1",
                "post_modify_domain.py modify -u alicia --domain alice.com --new-domain alicia.com",
                "post_modify_user.py create --username erin --owner admin",
            ],
            Names(HookDeriver.Derive(Base, after)));
    }

    private static string[] Names(IReadOnlyList<HookEvent> events) => events.Select(e => e.CommandLine).ToArray();

    private static SourceUser User(string id, string name, string owner, string? package) =>
        new(id, new UserRow(name, (uint)(20000 + int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)), owner, package is null ? null : owner, package, null, "EN_us", "/home/" + name));

    private static SourceDomain Domain(string id, string name, string owner) =>
        new(id, new DomainRow(name, owner, "/home/" + owner + "/public_html", !name.StartsWith("shop.", StringComparison.Ordinal), null, null));

    private static PanelSnapshot Panel(List<SourceUser> users, List<SourceDomain> domains, List<PackageRow> packages) =>
        new([new AdminRow("admin", null, null, "EN_us", true)], [new ResellerRow("res1", 1_000_000, null, "EN_us")], packages, users, domains, [], []);
}
