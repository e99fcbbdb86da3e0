using Cpvendor.Conformance.Checks;

namespace Cpvendor.UnitTests.Checks;

public sealed class FilterCaseTests
{
    [Fact]
    public void A_filter_is_written_in_the_three_forms_of_the_contract()
    {
        var filter = new FilterCase("domains", "owner", "alice");
        Assert.Equal(["--owner=alice"], filter.EqualsForm);
        Assert.Equal(["--owner", "alice"], filter.SpacedForm);
        Assert.Equal(["-o", "alice"], filter.ShortForm!);
    }

    [Fact]
    public void Options_without_a_short_form_have_no_short_spelling()
    {
        var filter = new FilterCase("users", [("package-name", "Basic"), ("package-owner", "admin")]);
        Assert.Null(filter.ShortForm);
        Assert.Equal(["--package-name", "Basic", "--package-owner", "admin"], filter.SpacedForm);
    }
}
