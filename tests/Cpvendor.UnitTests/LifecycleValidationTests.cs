using Cpvendor.Core;
using Cpvendor.Panel.Validation;

namespace Cpvendor.UnitTests;

public sealed class LifecycleValidationTests
{
    [Theory]
    [InlineData("bücher", "bcher-kva")]
    [InlineData("münchen", "mnchen-3ya")]
    [InlineData("ü", "tda")]
    [InlineData("例え", "r8jz45g")]
    [InlineData("пример", "e1afmkfd")]
    public void Punycode_matches_the_rfc_3492_encoding(string label, string expected) =>
        Assert.Equal(expected, Punycode.Encode(label));

    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("Bücher.de", "xn--bcher-kva.de")]
    [InlineData("例え.テスト", "xn--r8jz45g.xn--zckzah")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    public void Domain_names_are_normalized_to_lower_case_ascii(string input, string expected) =>
        Assert.Equal(expected, DomainNames.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("-a.example")]
    [InlineData("a-.example")]
    [InlineData("a..example")]
    [InlineData("under_score.example")]
    [InlineData("sp ace.example")]
    [InlineData("example.123")]
    public void Invalid_domain_names_are_refused(string input)
    {
        var e = Assert.Throws<CpvendorException>(() => DomainNames.Normalize(input));
        Assert.Equal(ExitCodes.Invalid, e.ExitCode);
    }

    [Fact]
    public void Domain_labels_over_63_characters_are_refused()
    {
        Assert.Equal(new string('a', 63) + ".example", DomainNames.Normalize(new string('a', 63) + ".example"));
        Assert.Throws<CpvendorException>(() => DomainNames.Normalize(new string('a', 64) + ".example"));
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("_svc", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("Alice", false)]
    [InlineData("-alice", false)]
    [InlineData("1alice", false)]
    [InlineData("al ice", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    public void Account_names_follow_useradd(string name, bool valid)
    {
        if (valid)
            Assert.Equal(name, Names.Account(name));
        else
            Assert.Throws<CpvendorException>(() => Names.Account(name));
    }

    [Fact]
    public void Database_users_are_capped_at_the_63_characters_Governor_keeps_and_never_start_with_a_dash()
    {
        Assert.Equal(new string('d', 63), Names.DbUser(new string('d', 63)));
        Assert.Contains("at most 63", Assert.Throws<CpvendorException>(() => Names.DbUser(new string('d', 64))).Message);
        Assert.Throws<CpvendorException>(() => Names.DbUser("-x"));
        Assert.Throws<CpvendorException>(() => Names.DbUser("a b"));
    }
}
