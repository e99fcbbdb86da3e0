using System.Text.Json;
using Cpvendor.Conformance.Checks;

namespace Cpvendor.UnitTests.Checks;

public sealed class SchemaTests
{
    private static List<SchemaProblem> Validate(Shape shape, string json)
    {
        using var document = JsonDocument.Parse(json);
        return shape.Validate(document.RootElement.Clone());
    }

    [Fact]
    public void A_complete_user_list_has_no_problems()
    {
        var problems = Validate(Schemas.Users(null),
            """[{"id":1000,"username":"a","owner":"admin","domain":"a.test","package":null,"email":null,"locale_code":"EN_us"}]""");
        Assert.Empty(problems);
    }

    [Fact]
    public void An_omitted_nullable_key_is_missing_not_a_type_problem()
    {
        var problems = Validate(Schemas.Users(null), """[{"id":1000,"username":"a","owner":"admin","domain":"a.test","package":null,"locale_code":null}]""");
        var problem = Assert.Single(problems);
        Assert.Equal(SchemaProblemKind.Missing, problem.Kind);
        Assert.Equal("data[0].email", problem.Path);
    }

    [Fact]
    public void An_unknown_key_is_extra()
    {
        var problems = Validate(Schemas.Packages, """[{"name":"p","owner":"admin","status":"active"}]""");
        Assert.Equal(SchemaProblemKind.Extra, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Null_where_the_schema_forbids_it_and_strings_for_numbers_are_type_problems()
    {
        var problems = Validate(Schemas.Users(null), """[{"id":"1000","username":null,"owner":"admin","domain":"a.test","package":null,"email":null,"locale_code":null}]""");
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(SchemaProblemKind.Type, p.Kind));
    }

    [Fact]
    public void A_fractional_port_is_not_an_integer()
    {
        var problems = Validate(Schemas.DbInfo, """{"mysql":{"access":{"login":"l","password":"p","host":"h","port":3306.5},"mapping":{}}}""");
        Assert.Equal("data.mysql.access.port", Assert.Single(problems).Path);
    }

    [Fact]
    public void Users_fields_projection_expects_only_the_asked_keys()
    {
        Assert.Empty(Validate(Schemas.For("users", ["--fields=id,username"])!, """[{"id":1,"username":"a"}]"""));
        Assert.Equal(SchemaProblemKind.Missing, Assert.Single(Validate(Schemas.For("users", ["--fields", "id,email"])!, """[{"id":1}]""")).Kind);
    }

    [Fact]
    public void A_fields_list_with_an_unknown_name_has_no_schema()
    {
        Assert.Null(Schemas.For("users", ["--fields=id,nosuch"]));
    }

    [Fact]
    public void Domains_with_php_require_php_on_every_domain()
    {
        var json = """{"a.test":{"owner":"a","document_root":"/home/a/public_html","is_main":true}}""";
        Assert.Empty(Validate(Schemas.For("domains", [])!, json));
        Assert.Equal("data[\"a.test\"].php", Assert.Single(Validate(Schemas.For("domains", ["--with-php"])!, json)).Path);
    }

    [Fact]
    public void Panel_info_url_and_feature_keys_are_left_to_their_own_checks()
    {
        var problems = Validate(Schemas.PanelInfo, """{"name":"p","version":"1","user_login_url_template":"x","supported_cl_features":{}}""");
        Assert.Empty(problems);
    }
}
