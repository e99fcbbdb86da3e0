using Cpvendor.Sources;
using Cpvendor.Sources.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.SourceTests.Records;

/// <summary>
/// docs/contract.md section 8, rule by rule, on snapshots in memory: what a sync serves after judging
/// what it read against what the store serves.
/// </summary>
public sealed class AdmissionTests
{
    private static readonly SnapshotRules Rules = new(60000, AllowDuplicateUids: false, new IdentityRules(1000, 60000, _ => null));

    private static readonly PanelSnapshot Served = Panel(
        [User("1", "alice", 20001, "admin", "Pro"), User("2", "bob", 20002, "res1", null)],
        [Domain("10", "alice.test", "alice", true), Domain("11", "bob.test", "bob", true), Domain("12", "shop.alice.test", "alice", false)],
        [new DbUserRow("alice_db", "alice")]);

    [Fact]
    public void An_unchanged_panel_is_served_as_it_is_and_nothing_is_rejected()
    {
        var admitted = Admit(Served, Served);
        Assert.Empty(admitted.Rejected);
        Assert.Equal(Served.Users, admitted.Snapshot.Users);
        Assert.Equal(Served.Domains, admitted.Snapshot.Domains);
    }

    [Fact]
    public void A_rejected_account_keeps_its_served_version_with_its_domains_and_database_users()
    {
        var read = Served with
        {
            Users = [User("1", "alice", 20001, "admin", "Pro", home: "relative/alice"), Served.Users[1]],
            Domains = [Domain("10", "alice.test", "alice", true), Domain("11", "bob.test", "bob", true), Domain("13", "new.alice.test", "alice", false)],
            DbUsers = [],
        };

        var admitted = Admit(read, Served);

        Assert.Equal(Served.Users, admitted.Snapshot.Users);
        Assert.Equal(Served.Domains.OrderBy(d => d.DomainId), admitted.Snapshot.Domains.OrderBy(d => d.DomainId));
        Assert.Equal(Served.DbUsers, admitted.Snapshot.DbUsers);
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_users alice (account_id 1): invalid home directory", StringComparison.Ordinal));
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_domains new.alice.test (domain_id 13): its account 'alice' (account_id 1) is not accepted (not served", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_new_accounts_with_one_username_both_wait_and_the_served_name_stays_with_its_holder()
    {
        var read = Served with
        {
            Users = [.. Served.Users, User("3", "twin", 20003, "admin", null), User("4", "twin", 20004, "admin", null), User("5", "bob", 20005, "admin", null)],
        };

        var admitted = Admit(read, Served);

        Assert.Equal(["alice", "bob"], admitted.Snapshot.Users.Select(u => u.Row.Username).Order(StringComparer.Ordinal));
        Assert.Equal(20002u, admitted.Snapshot.Users.Single(u => u.Row.Username == "bob").Row.Uid);
        Assert.True(admitted.Rejected.Count == 3, string.Join("\n", admitted.Rejected));
        Assert.Contains(admitted.Rejected, l => l.Contains("twin (account_id 3): username 'twin' is also claimed by twin (account_id 4); none of them is served yet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_account_frees_its_name_for_a_newcomer_unless_the_rename_is_rejected()
    {
        var renamed = Served with { Users = [User("1", "alicia", 20001, "admin", "Pro"), Served.Users[1], User("3", "alice", 20003, "admin", null)] };
        Assert.Empty(Admit(renamed, Served).Rejected);

        var rejectedRename = renamed with { Users = [User("1", "alicia", 20001, "admin", "Pro", email: "no address"), Served.Users[1], User("3", "alice", 20003, "admin", null)] };
        var admitted = Admit(rejectedRename, Served);
        Assert.Equal(Served.Users, admitted.Snapshot.Users);
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_users alice (account_id 3): username 'alice' is also claimed by alice (account_id 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_whose_id_cannot_be_read_lets_no_record_of_its_kind_be_deleted()
    {
        var problems = new SourceProblems();
        problems.RejectUnidentified(RecordKind.User, "cpvendor_users", "row 2", "account_id is null or empty");
        var read = Served with { Users = [Served.Users[0]], Domains = [Served.Domains[0], Served.Domains[2]] };

        var admitted = Admission.Admit(read, Served, problems, Rules, new RecordLabels(SourceKind.MySql));

        Assert.Equal(Served.Users, admitted.Snapshot.Users);
        Assert.Contains(admitted.Snapshot.Domains, d => d.Row.Name == "bob.test");
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_users row 2: account_id is null or empty; none of these records is taken as deleted", StringComparison.Ordinal));
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_users bob (account_id 2): missing from the rows read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_package_stays_while_a_kept_account_uses_it()
    {
        var read = Served with
        {
            Packages = [new PackageRow("admin", "Other")],
            Users = [User("1", "alice", 20001, "admin", "Other", email: "bad address"), Served.Users[1]],
        };

        var admitted = Admit(read, Served);

        Assert.Contains(new PackageRow("admin", "Pro"), admitted.Snapshot.Packages);
        Assert.Equal("Pro", admitted.Snapshot.Users.Single(u => u.AccountId == "1").Row.PackageName);
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_packages Pro of admin: gone from the panel, but account 'alice', whose new version is not accepted, still uses it", StringComparison.Ordinal));
    }

    [Fact]
    public void The_main_administrator_stays_main_until_another_one_is()
    {
        var read = Served with { Admins = [new AdminRow("admin", null, null, "EN_us", false), new AdminRow("ops", null, null, "EN_us", false)] };

        var admitted = Admit(read, Served);

        Assert.True(admitted.Snapshot.Admins.Single(a => a.Name == "admin").IsMain);
        Assert.Contains(admitted.Rejected, l => l.StartsWith("cpvendor_admins admin: is_main is cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_first_good_sync_a_rejected_record_has_nothing_to_keep_and_waits()
    {
        var read = Served with { Domains = [Domain("10", "alice.test", "alice", true), Domain("11", "bob_x.test", "bob", true)] };
        var empty = new PanelSnapshot([], [], [], [], [], [], []);

        var admitted = Admit(read, empty);

        Assert.Equal(["alice.test"], admitted.Snapshot.Domains.Select(d => d.Row.Name));
        Assert.Contains(admitted.Rejected, l => l.Contains("(not served until it is accepted)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Site Owner <owner@example.com>", "owner@example.com")]
    [InlineData("\"Owner, Site\" <owner@example.com>", "owner@example.com")]
    [InlineData("<owner@example.com>", "owner@example.com")]
    [InlineData("J. R. Owner <owner@example.com>", "owner@example.com")]
    [InlineData("owner@example.com", "owner@example.com")]
    [InlineData("Site Owner <owner@example.com> x", "Site Owner <owner@example.com> x")]
    [InlineData("Site (Owner) <owner@example.com>", "Site (Owner) <owner@example.com>")]
    [InlineData("\"unclosed <owner@example.com>", "\"unclosed <owner@example.com>")]
    public void A_contact_with_a_display_name_yields_its_address(string panel, string read) =>
        Assert.Equal(read, ContactAddress.Of(panel));

    private static AdmittedSnapshot Admit(PanelSnapshot read, PanelSnapshot served) =>
        Admission.Admit(read, served, new SourceProblems(), Rules, new RecordLabels(SourceKind.MySql));

    private static PanelSnapshot Panel(IReadOnlyList<SourceUser> users, IReadOnlyList<SourceDomain> domains, IReadOnlyList<DbUserRow> dbUsers) =>
        new([new AdminRow("admin", null, null, "EN_us", true), new AdminRow("ops", null, null, "EN_us", false)],
            [new ResellerRow("res1", 1_000_000, null, "EN_us")],
            [new PackageRow("admin", "Pro")],
            users, domains, dbUsers, []);

    private static SourceUser User(string id, string name, uint uid, string owner, string? package, string? email = null, string? home = null) =>
        new(id, new UserRow(name, uid, owner, package is null ? null : "admin", package, email, "EN_us", home ?? "/home/" + name));

    private static SourceDomain Domain(string id, string name, string owner, bool main) =>
        new(id, new DomainRow(name, owner, "/home/" + owner + "/public_html", main, null, null));
}
