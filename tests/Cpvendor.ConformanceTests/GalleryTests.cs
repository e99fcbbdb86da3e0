using Cpvendor.Core;

namespace Cpvendor.ConformanceTests;

/// <summary>
/// Each broken vendor of the gallery is the reference vendor with one defect. The checker must
/// catch each defect with the check meant for it and fail nothing else; the reference passes all.
/// </summary>
public sealed class GalleryTests(GalleryFixture gallery) : IClassFixture<GalleryFixture>
{
    /// <summary>The only check the gallery cannot exercise: its ini does not turn SSL on.</summary>
    private const string SslSkip = "Ini_ssl_cert_and_key_are_given_when_use_ssl_is_on";

    public static TheoryData<string, string[]> Defects => new()
    {
        // A traceback is two deviations: no JSON on stdout, and text on stderr.
        { "traceback-instead-of-json", ["Every_answer_is_one_json_document", "Every_answer_leaves_stderr_empty"] },
        { "no-envelope-on-errors", ["Every_answer_is_an_envelope"] },
        { "ignored-filters", ["Users_filters_return_exactly_the_matching_users"] },
        { "substring-fields", ["Users_fields_match_names_exactly"] },
        { "no-supported-cl-features", ["Panel_info_sends_supported_cl_features"] },
        { "user-login-url-template", ["Panel_info_names_user_login_url"] },
        { "keys-omitted-instead-of-null", ["Answers_carry_every_schema_key"] },
        { "extra-keys", ["Answers_carry_no_keys_beyond_the_schema"] },
        { "low-reseller-ids", ["Reseller_ids_lie_above_max_uid"] },
        { "two-main-admins", ["Exactly_one_admin_is_main"] },
        { "trailing-slash-document-roots", ["Document_roots_are_absolute_without_trailing_slash"] },
        { "noise-on-stderr", ["Every_answer_leaves_stderr_empty"] },
        { "domains-leak-to-end-users", ["Domains_as_end_user_hides_foreign_domains"] },
        { "foreign-owner-not-denied", ["Domains_as_end_user_denies_foreign_owner"] },
        { "one-argument-form", ["Arguments_are_understood_in_every_form"] },
        { "unknown-arguments-accepted", ["Unknown_arguments_are_bad_request"] },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_defect_fails_exactly_the_check_meant_for_it(string vendor, string[] expected)
    {
        var run = CheckRun.Of(gallery.Ini(vendor), gallery.EndUsers);
        Assert.True(run.Process.ExitCode == ExitCodes.CheckFailed, $"exit {run.Process.ExitCode}, expected {ExitCodes.CheckFailed}\n{run.Process.Stderr}");
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(run.With("fail", "warn")), $"{vendor}: expected to fail {string.Join(", ", expected)}\n{run.Explain()}");
        foreach (var name in expected)
            Assert.NotEmpty(run.Check(name).GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public void The_reference_vendor_passes_every_check()
    {
        var run = CheckRun.Of(gallery.Ini("reference"), gallery.EndUsers);
        Assert.True(run.Process.ExitCode == ExitCodes.Success, run.Explain() + "\n" + run.Process.Stderr);
        Assert.Empty(run.With("fail", "warn"));
        Assert.Equal([SslSkip], run.With("skip"));
    }

    [Fact]
    public void Slow_calls_are_a_warning_that_does_not_fail_the_run()
    {
        var run = CheckRun.Of(gallery.Ini("reference"), [], slow: "0.001");
        Assert.Equal(["Every_call_answers_quickly"], run.With("fail", "warn"));
        Assert.Equal("warn", run.Statuses["Every_call_answers_quickly"]);
        Assert.Equal(ExitCodes.Success, run.Process.ExitCode);
    }

    [Fact]
    public void Every_gallery_vendor_is_judged_by_a_test()
    {
        var tested = Defects.Select(row => (string)row.Data.Item1).Append("reference").Order(StringComparer.Ordinal);
        var present = Directory.GetDirectories(Repo.Gallery).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(present, tested);
    }

    [Fact]
    public void Without_end_users_the_end_user_checks_are_skipped_with_the_reason()
    {
        var run = CheckRun.Of(gallery.Ini("domains-leak-to-end-users"), []);
        Assert.Equal(ExitCodes.Success, run.Process.ExitCode);
        var check = run.Check("Domains_as_end_user_hides_foreign_domains");
        Assert.Equal("skip", check.GetProperty("status").GetString());
        Assert.Contains("--as-user", check.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
