using Cpvendor.Core;

namespace Cpvendor.ConformanceTests;

/// <summary>
/// Each broken vendor of the gallery is the reference vendor with one defect. The checker must
/// catch each defect with the check meant for it and fail nothing else; the reference passes all.
/// </summary>
public sealed class GalleryTests(GalleryFixture gallery) : IClassFixture<GalleryFixture>
{
    /// <summary>A vendor with three defects at once, judged for how its report groups them.</summary>
    private const string SeveralDefects = "several-defects";

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

        // The classes of defect found in real implementations, one vendor each.
        { "ignored-package-owner", ["Users_filters_return_exactly_the_matching_users"] },
        { "filter-ignored-in-every-form", ["Packages_owner_filter_returns_exactly_their_packages"] },
        { "first-value-wins-in-space-form", ["Repeated_option_takes_its_last_value"] },
        { "python-user-site", ["Scripts_run_no_code_from_the_callers_home"] },
        { "empty-reseller-not-found", ["Packages_owner_filter_returns_exactly_their_packages"] },
        { "admin-account-not-a-user", ["Admin_unix_users_are_users"] },
        { "admin-account-treated-as-end-user", ["Trusted_accounts_get_full_answers"] },
        { "filter-after-fields", ["Users_fields_returns_only_the_fields_asked"] },
        { "ui-user-info-trusts-the-environment", ["Ui_user_info_answers_an_issued_token", "Ui_user_info_fails_closed_for_an_unknown_token"] },
        { "writes-a-cache-when-asked", ["Questions_change_nothing_on_the_host"] },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_defect_fails_exactly_the_check_meant_for_it(string vendor, string[] expected)
    {
        var run = CheckRun.With(gallery.Ini(vendor), gallery.StandardArgs);
        Assert.True(run.Process.ExitCode == ExitCodes.CheckFailed, $"exit {run.Process.ExitCode}, expected {ExitCodes.CheckFailed}\n{run.Process.Stderr}");
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(run.With("fail", "warn")), $"{vendor}: expected to fail {string.Join(", ", expected)}\n{run.Explain()}");
        foreach (var name in expected)
            Assert.NotEmpty(run.Check(name).GetProperty("evidence").EnumerateArray());

        // The mutation pair: the same vendor without its defect (the reference) passes these checks.
        foreach (var name in expected)
            Assert.Equal("pass", gallery.Reference.Statuses[name]);
    }

    [Fact]
    public void The_reference_vendor_passes_every_check()
    {
        var run = gallery.Reference;
        Assert.True(run.Process.ExitCode == ExitCodes.Success, run.Explain() + "\n" + run.Process.Stderr);
        Assert.Empty(run.With("fail", "warn"));
        Assert.Equal([SslSkip], run.With("skip"));
    }

    [Fact]
    public void A_vendor_with_several_defects_gets_one_headline_per_cause()
    {
        var run = CheckRun.With(gallery.Ini(SeveralDefects), gallery.StandardArgs);
        var causes = run.Report.RootElement.GetProperty("causes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("headline").GetString()!, c => c.GetProperty("consequences").EnumerateArray().Select(e => e.GetString()!).ToList());

        // The traceback of the space form is one cause: no JSON on stdout, and text on stderr under it.
        Assert.Equal(["Every_answer_leaves_stderr_empty"], causes["Every_answer_is_one_json_document"]);
        Assert.Empty(causes["Users_filters_return_exactly_the_matching_users"]);
        Assert.Empty(causes["Scripts_run_no_code_from_the_callers_home"]);
        Assert.Equal(3, causes.Count);
        var traceback = string.Join("\n", run.Check("Every_answer_is_one_json_document").GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("--unix-id abc", traceback, StringComparison.Ordinal);
        Assert.Contains("ValueError", traceback, StringComparison.Ordinal);

        // Its skips name the real reason: Bad_values_are_bad_request judged the envelopes it got.
        var text = Proc.Run(Repo.Binary, ["check", "--ini", gallery.Ini(SeveralDefects), .. gallery.StandardArgs, .. CheckRun.PatientTimes]);
        Assert.StartsWith("3 causes of failure", text.Stdout.Split('\n')[2], StringComparison.Ordinal);
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
        var tested = Defects.Select(row => (string)row.Data.Item1).Append("reference").Append(SeveralDefects).Order(StringComparer.Ordinal);
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
