using Cpvendor.IntegrationTests.Harness;
using static Cpvendor.IntegrationTests.Harness.ContractCase;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// CONTRACT.md sections 2 and 3 as a table: every rule and example as (arguments) -> envelope, run as
/// root against the installed published binary over a hand-made panel whose answers the test derives
/// from its own rows. Every option appears in each of its forms: <c>--x=v</c>, <c>--x v</c>, <c>-x v</c>, <c>-xv</c>.
/// </summary>
public sealed class ContractTableTests(KnownInstall known) : IClassFixture<KnownInstall>
{
    private const string Bad = "BadRequest";
    private const string Missing = "NotFound";

    public static readonly IReadOnlyList<ContractCase> Cases =
    [
        // panel_info, db_info and php take no argument.
        Ok(Expected.PanelInfo, "panel_info"),
        Fails(Bad, "panel_info", "--name=x"),
        Fails(Bad, "panel_info", "extra"),
        Ok(Expected.DbInfo, "db_info"),
        Fails(Bad, "db_info", "--host=x"),
        Ok(Expected.Php, "php"),
        Fails(Bad, "php", "-x"),

        // packages [--owner|-o NAME]
        Ok(p => Expected.Packages(p), "packages"),
        Ok(p => Expected.Packages(p, "kpadmin"), "packages", "--owner=kpadmin"),
        Ok(p => Expected.Packages(p, "kpadmin"), "packages", "--owner", "kpadmin"),
        Ok(p => Expected.Packages(p, "kpadmin"), "packages", "-o", "kpadmin"),
        Ok(p => Expected.Packages(p, "kpadmin"), "packages", "-okpadmin"),
        Ok(p => Expected.Packages(p, "kpres1"), "packages", "--owner=nosuchowner", "--owner=kpres1"),
        Ok(p => Expected.Packages(p, "kpres2"), "packages", "--owner=kpres2"),
        Ok(p => Expected.Packages(p, "kpsupport"), "packages", "-o", "kpsupport"),
        Fails(Missing, "packages", "--owner=nosuchowner"),
        Fails(Missing, "packages", "--owner=kpalice"),
        Fails(Bad, "packages", "--owner="),
        Fails(Bad, "packages", "-o"),
        Fails(Bad, "packages", "--name=Pro"),

        // users: the four filters are alternatives; --fields projects in wire order.
        Ok(p => Expected.Users(p), "users"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres1"), "users", "--owner=kpres1"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres1"), "users", "--owner", "kpres1"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres1"), "users", "-o", "kpres1"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres1"), "users", "-okpres1"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpadmin"), "users", "--owner=kpadmin"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres2"), "users", "--owner=kpres2"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpsupport"), "users", "--owner=kpsupport"),
        Fails(Missing, "users", "--owner=nosuchowner"),
        Fails(Missing, "users", "--owner=kpalice"),
        Ok(p => Expected.Users(p, u => u is { PackageName: "Pro", PackageOwner: "kpres1" }), "users", "--package-name=Pro", "--package-owner=kpres1"),
        Ok(p => Expected.Users(p, u => u is { PackageName: "Pro", PackageOwner: "kpadmin" }), "users", "--package-name", "Pro", "--package-owner", "kpadmin"),
        Ok(p => Expected.Users(p, u => u is { PackageName: "Basic", PackageOwner: "kpadmin" }), "users", "--package-owner=kpadmin", "--package-name", "Basic"),
        Fails(Missing, "users", "--package-name=Nope", "--package-owner=kpadmin"),
        Fails(Missing, "users", "--package-name=Basic", "--package-owner=kpres1"),
        Fails(Missing, "users", "--package-name=Pro", "--package-owner=nosuchowner"),
        Fails(Bad, "users", "--package-name=Pro"),
        Fails(Bad, "users", "--package-owner=kpadmin"),
        Ok(p => Expected.Users(p, u => u.Username == "kpcarol"), "users", "--username=kpcarol"),
        Ok(p => Expected.Users(p, u => u.Username == "kpcarol"), "users", "--username", "kpcarol"),
        Ok(p => Expected.Users(p, u => u.Username == "kpres1"), "users", "--username=kpres1"),
        Fails(Missing, "users", "--username=nobody"),
        Ok(p => Expected.Users(p, u => u.Uid == p.BobUid), "users", "--unix-id={bob-uid}"),
        Ok(p => Expected.Users(p, u => u.Uid == p.AliceUid), "users", "--unix-id", "{alice-uid}"),
        Fails(Missing, "users", "--unix-id=1"),
        Fails(Missing, "users", "--unix-id=4294967295"),
        Fails(Bad, "users", "--unix-id=abc"),
        Fails(Bad, "users", "--unix-id=-1"),
        Fails(Bad, "users", "--unix-id=4294967296"),
        Fails(Bad, "users", "--unix-id="),
        Fails(Bad, "users", "--owner=kpres1", "--username=kpbob"),
        Fails(Bad, "users", "--username=kpbob", "--unix-id=1"),
        Fails(Bad, "users", "-o", "kpres1", "--package-name=Pro", "--package-owner=kpres1"),
        Fails(Bad, "users", "-u", "kpbob"),
        Fails(Bad, "users", "--user=kpbob"),
        Ok(p => Expected.Users(p, fields: ["id", "username"]), "users", "--fields=id,username"),
        Ok(p => Expected.Users(p, fields: ["id", "email"]), "users", "--fields=email,id"),
        Ok(p => Expected.Users(p, fields: ["owner", "domain", "locale_code"]), "users", "--fields", "locale_code,domain,owner"),
        Ok(p => Expected.Users(p, fields: ["package"]), "users", "--fields=package"),
        Ok(p => Expected.Users(p, fields: ["id"]), "users", "--fields=id,id"),
        Ok(p => Expected.Users(p, fields: Expected.UserFields.ToArray()), "users", "--fields=locale_code,email,package,domain,owner,username,id"),
        Ok(p => Expected.Users(p, u => u.Username == "kpbob", ["package", "email"]), "users", "--username=kpbob", "--fields=email,package"),
        Ok(p => Expected.Users(p, u => u.Owner == "kpres1", ["username"]), "users", "--fields=id", "-o", "kpres1", "--fields=username"),
        new(["users", "--fields=id,nosuchfield"], Bad, Message: "Unknown field 'nosuchfield'"),
        Fails(Bad, "users", "--fields="),
        Fails(Bad, "users", "--fields=id,"),
        Fails(Bad, "users", "--fields=ID"),
        Fails(Bad, "users", "--fields"),

        // domains [--owner|-o USER | --name|-n DOMAIN] [--with-php]
        Ok(p => Expected.Domains(p), "domains"),
        Ok(p => Expected.Domains(p, withPhp: true), "domains", "--with-php"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpalice"), "domains", "--owner=kpalice"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpalice"), "domains", "--owner", "kpalice"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpalice"), "domains", "-o", "kpalice"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpalice"), "domains", "-okpalice"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpalice", withPhp: true), "domains", "--with-php", "--owner=kpalice"),
        Ok(p => Expected.Domains(p, d => d.Owner == "kpdave", withPhp: true), "domains", "-o", "kpdave", "--with-php"),
        Fails(Missing, "domains", "--owner=nosuchuser"),
        Fails(Missing, "domains", "--owner=kpres2"),
        Fails(Missing, "domains", "--owner=kpadmin"),
        Ok(p => Expected.Domains(p, d => d.Name == "kpcarol.io"), "domains", "--name=kpcarol.io"),
        Ok(p => Expected.Domains(p, d => d.Name == "kpcarol.io"), "domains", "--name", "kpcarol.io"),
        Ok(p => Expected.Domains(p, d => d.Name == "kpcarol.io"), "domains", "-n", "kpcarol.io"),
        Ok(p => Expected.Domains(p, d => d.Name == "kpcarol.io"), "domains", "-nkpcarol.io"),
        Ok(p => Expected.Domains(p, d => d.Name == "blog.kpalice.com", withPhp: true), "domains", "--name=blog.kpalice.com", "--with-php"),
        Ok(p => Expected.Domains(p, d => d.Name == "kpalice-shop.net", withPhp: true), "domains", "--with-php", "-n", "kpalice-shop.net"),
        Fails(Missing, "domains", "--name=nosuch.example"),
        Fails(Missing, "domains", "--name=KPCAROL.IO"),
        Fails(Bad, "domains", "--owner=kpalice", "--name=kpalice.com"),
        Fails(Bad, "domains", "--with-php=true"),
        Fails(Bad, "domains", "--with-php=1"),
        Fails(Bad, "domains", "--owner="),
        Fails(Bad, "domains", "-n"),
        Fails(Bad, "domains", "kpalice.com"),

        // resellers [--id N | --name|-n NAME]
        Ok(p => Expected.Resellers(p), "resellers"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres1"), "resellers", "--id=4000000001"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres1"), "resellers", "--id", "4000000001"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres2"), "resellers", "--name=kpres2"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres2"), "resellers", "--name", "kpres2"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres2"), "resellers", "-n", "kpres2"),
        Ok(p => Expected.Resellers(p, r => r.Name == "kpres2"), "resellers", "-nkpres2"),
        Fails(Missing, "resellers", "--id=5"),
        Fails(Missing, "resellers", "--name=nosuchreseller"),
        Fails(Missing, "resellers", "--name=kpadmin"),
        Fails(Bad, "resellers", "--id=x"),
        Fails(Bad, "resellers", "--id=-5"),
        Fails(Bad, "resellers", "--id=1", "--name=kpres1"),
        Fails(Bad, "resellers", "-i", "1"),

        // admins [--name|-n NAME | --is-main|-m true|false]
        Ok(p => Expected.Admins(p), "admins"),
        Ok(p => Expected.Admins(p, a => a.Name == "kpsupport"), "admins", "--name=kpsupport"),
        Ok(p => Expected.Admins(p, a => a.Name == "kpsupport"), "admins", "--name", "kpsupport"),
        Ok(p => Expected.Admins(p, a => a.Name == "kpsupport"), "admins", "-n", "kpsupport"),
        Ok(p => Expected.Admins(p, a => a.Name == "kpsupport"), "admins", "-nkpsupport"),
        Fails(Missing, "admins", "--name=nosuchadmin"),
        Fails(Missing, "admins", "--name=kpres1"),
        Ok(p => Expected.Admins(p, a => a.IsMain), "admins", "--is-main=true"),
        Ok(p => Expected.Admins(p, a => a.IsMain), "admins", "--is-main", "true"),
        Ok(p => Expected.Admins(p, a => a.IsMain), "admins", "-m", "true"),
        Ok(p => Expected.Admins(p, a => a.IsMain), "admins", "-mtrue"),
        Ok(p => Expected.Admins(p, a => !a.IsMain), "admins", "--is-main=false"),
        Ok(p => Expected.Admins(p, a => !a.IsMain), "admins", "-m", "false"),
        Fails(Bad, "admins", "--is-main=yes"),
        Fails(Bad, "admins", "--is-main=True"),
        Fails(Bad, "admins", "--is-main"),
        Fails(Bad, "admins", "--name=kpadmin", "--is-main=true"),

        // The script name itself.
        Fails(Bad),
        Fails(Bad, "nosuchscript"),
        Fails(Bad, "Users"),
        Fails(Bad, "ui_user_info"),
    ];

    public static TheoryData<string> Labels => [.. Cases.Select(c => c.Label)];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Root_gets_what_the_contract_prescribes(string label)
    {
        var row = Cases.Single(c => c.Label == label);

        var envelope = Envelope.Of(known.Install.Cpapi(row.Resolve(known.Panel)));

        row.Check(envelope, known.Panel);
    }

    [Fact]
    public void The_table_has_no_duplicate_rows() =>
        Assert.Equal(Cases.Count, Cases.Select(c => c.Label).Distinct().Count());
}
