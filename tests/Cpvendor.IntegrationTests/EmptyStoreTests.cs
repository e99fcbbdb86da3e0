using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2: NotFound is for filters naming something that does not exist, never for an
/// unfiltered call; an empty panel answers empty lists and objects. db_info without a credential file
/// is <c>mysql: null</c> (no SQL snapshots), not an error.
/// </summary>
public sealed class EmptyStoreTests(EmptyInstall empty) : IClassFixture<EmptyInstall>
{
    [Theory]
    [InlineData("packages", "[]")]
    [InlineData("users", "[]")]
    [InlineData("domains", "{}")]
    [InlineData("resellers", "[]")]
    [InlineData("admins", "[]")]
    [InlineData("php", "[]")]
    [InlineData("db_info", """{"mysql":null}""")]
    [InlineData("panel_info", """{"name":"Empty Panel","version":"0.1","user_login_url":null,"supported_cl_features":{}}""")]
    public void Unfiltered_calls_on_an_empty_panel_answer_empty_data(string script, string data)
    {
        var envelope = Envelope.Of(empty.Install.Cpapi(script)).Is("ok");

        Assert.Equal(data, Expected.Canonical(envelope.Data));
    }

    [Theory]
    [InlineData("packages", "--owner=admin")]
    [InlineData("users", "--owner=admin")]
    [InlineData("users", "--username=admin")]
    [InlineData("users", "--unix-id=0")]
    [InlineData("users", "--package-name=Pro", "--package-owner=admin")]
    [InlineData("domains", "--owner=admin")]
    [InlineData("domains", "--name=example.com")]
    [InlineData("resellers", "--id=1000000")]
    [InlineData("resellers", "--name=r")]
    [InlineData("admins", "--name=admin")]
    public void Filters_naming_nothing_on_an_empty_panel_are_not_found(params string[] args) =>
        Envelope.Of(empty.Install.Cpapi(args)).Is("NotFound");

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Is_main_is_a_condition_so_no_match_is_an_empty_list(string value) =>
        Assert.Equal("[]", Expected.Canonical(Envelope.Of(empty.Install.Cpapi("admins", "--is-main", value)).Is("ok").Data));

    [Fact]
    public void Users_fields_on_an_empty_panel_is_an_empty_list() =>
        Assert.Equal("[]", Expected.Canonical(Envelope.Of(empty.Install.Cpapi("users", "--fields=id")).Is("ok").Data));
}
