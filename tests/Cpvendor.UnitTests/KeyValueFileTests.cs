using Cpvendor.Core.Webmin;

namespace Cpvendor.UnitTests;

/// <summary>Webmin's name=value files, read and edited by Webmin's own rules.</summary>
public sealed class KeyValueFileTests
{
    [Fact]
    public void Reading_follows_webmins_rules()
    {
        var pairs = KeyValueFile.Parse("#dom=commented\r\ndom=example.com\r\nno equals here\nurl=http://x/?a=b\nuser=first\nuser=last\nempty=\n x=spaced name\n");
        Assert.Equal("example.com", pairs["dom"]);
        Assert.Equal("http://x/?a=b", pairs["url"]);
        Assert.Equal("last", pairs["user"]);
        Assert.Equal("", pairs["empty"]);
        Assert.Equal("spaced name", pairs[" x"]);
        Assert.False(pairs.ContainsKey("#dom"));
        Assert.Equal(5, pairs.Count);
    }

    [Fact]
    public void Setting_a_name_changes_only_its_line()
    {
        const string text = "a=1\n#pre_command=old comment\npre_command=old\nb=2\npre_command=again\n";
        Assert.Equal("a=1\n#pre_command=old comment\npre_command=new\nb=2\n", KeyValueFile.With(text, "pre_command", "new"));
        Assert.Equal("a=1\n#pre_command=old comment\nb=2\n", KeyValueFile.With(text, "pre_command", null));
        Assert.Equal("a=1\npost_command=x\n", KeyValueFile.With("a=1", "post_command", "x"));
    }

    [Fact]
    public void A_value_with_a_newline_is_refused()
    {
        Assert.Throws<Cpvendor.Core.CpvendorException>(() => KeyValueFile.With("", "pre_command", "x\npost_command=evil"));
        Assert.Throws<Cpvendor.Core.CpvendorException>(() => KeyValueFile.With("", "a=b", "x"));
    }
}
