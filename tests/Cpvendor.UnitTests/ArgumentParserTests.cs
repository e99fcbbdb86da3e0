using Cpvendor.Contract;

namespace Cpvendor.UnitTests;

public sealed class ArgumentParserTests
{
    [Theory]
    [InlineData("--owner=alice")]
    [InlineData("--owner", "alice")]
    [InlineData("-o", "alice")]
    [InlineData("-oalice")]
    public void Every_documented_form_of_an_option_gives_the_same_value(params string[] args)
    {
        var (parsed, problem) = ArgumentParser.Parse(Grammar.Packages, args);

        Assert.Null(problem);
        Assert.Equal("alice", parsed!.Text("owner"));
    }

    [Fact]
    public void A_repeated_option_keeps_its_last_value()
    {
        var (parsed, _) = ArgumentParser.Parse(Grammar.Users, ["--username=a", "--username", "b"]);

        Assert.Equal("b", parsed!.Text("username"));
    }

    [Theory]
    [InlineData("users", "--nosuch=1")]
    [InlineData("users", "stray")]
    [InlineData("users", "--unix-id=abc")]
    [InlineData("users", "--unix-id=-1")]
    [InlineData("users", "--unix-id=4294967296")]
    [InlineData("users", "--fields=id,nosuchfield")]
    [InlineData("users", "--fields=user")]
    [InlineData("users", "--fields=")]
    [InlineData("users", "--package-name=Pro")]
    [InlineData("users", "--package-owner=admin")]
    [InlineData("users", "--owner=a", "--username=b")]
    [InlineData("users", "--username")]
    [InlineData("users", "--username=")]
    [InlineData("domains", "--with-php=true")]
    [InlineData("domains", "--owner=a", "--name=b")]
    [InlineData("admins", "--is-main=yes")]
    [InlineData("admins", "-m", "TRUE")]
    [InlineData("resellers", "--id=1", "--name=x")]
    [InlineData("panel_info", "--anything")]
    [InlineData("php", "-x")]
    public void Invalid_arguments_are_a_bad_request(string script, params string[] args)
    {
        var (parsed, problem) = ArgumentParser.Parse(Grammar.Find(script)!, args);

        Assert.Null(parsed);
        Assert.Equal(ResultKind.BadRequest, problem!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void An_unknown_field_is_named_in_the_message()
    {
        var (_, problem) = ArgumentParser.Parse(Grammar.Users, ["--fields=id,nosuchfield"]);

        Assert.Equal("Unknown field 'nosuchfield'", problem!.Message);
    }

    [Fact]
    public void A_forbidden_combination_names_both_filters()
    {
        var (_, problem) = ArgumentParser.Parse(Grammar.Users, ["--owner=a", "--unix-id=5"]);

        Assert.Contains("--owner", problem!.Message);
        Assert.Contains("--unix-id", problem.Message);
    }

    [Fact]
    public void Package_filter_and_fields_combine()
    {
        var (parsed, problem) = ArgumentParser.Parse(Grammar.Users, ["--package-name", "Pro", "--package-owner=admin", "--fields=id,package"]);

        Assert.Null(problem);
        Assert.Equal(["id", "package"], parsed!.Fields("fields"));
    }
}
