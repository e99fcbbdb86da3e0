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

    /// <summary>A vendor that drops --unix-id and --package-name when --fields leaves out their key, and nothing else.</summary>
    private const string FiltersIgnoredWithFields = "filters-ignored-when-fields-omit-their-key";

    /// <summary>The same narrow defect beside a wide one: every users --fields answer carries email too.</summary>
    private const string NarrowBesideWide = "fields-add-email-and-filters-ignored-when-fields-omit-their-key";

    /// <summary>An administrator whose UNIX account users does not list (the account is created only by the test that needs it).</summary>
    private const string AdminAccountNotAUser = "admin-account-not-a-user";

    /// <summary>The UNIX account that vendor names for its main administrator.</summary>
    private const string MissingAdminAccount = "gadminacct";

    private const string FiltersWithFields = "Users_filters_hold_whatever_fields_asks";

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
        { "admin-account-treated-as-end-user", ["Trusted_accounts_get_full_answers"] },
        { "filter-after-fields", [FiltersWithFields] },
        { FiltersIgnoredWithFields, [FiltersWithFields] },
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
    public void A_filter_dropped_when_fields_leaves_out_its_key_is_shown_with_the_calls_that_reveal_it()
    {
        var run = CheckRun.With(gallery.Ini(FiltersIgnoredWithFields), gallery.StandardArgs);
        Assert.True(run.With("fail", "warn").SequenceEqual([FiltersWithFields]), run.Explain());
        var evidence = Evidence(run, FiltersWithFields);

        // Each filter the vendor drops, with a --fields that leaves its key out; the filters it keeps pass.
        Assert.Matches(@"\$ \S+ users --unix-id=\d+ --fields=(?!id\b)[a-z_,]+\n  exit 0", evidence);
        Assert.Matches(@"\$ \S+ users --package-name=\S+ --package-owner=\S+ --fields=(?!package\b)[a-z_,]+\n  exit 0", evidence);
        Assert.Contains("FAIL: users --unix-id=", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL: users --owner=", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL: users --username=", evidence, StringComparison.Ordinal);
        Assert.Equal([FiltersWithFields], Causes(run).Keys);
    }

    [Fact]
    public void A_narrow_cause_keeps_its_own_headline_beside_a_wider_one_on_the_same_calls()
    {
        var run = CheckRun.With(gallery.Ini(NarrowBesideWide), gallery.StandardArgs);
        const string ExtraKeys = "Answers_carry_no_keys_beyond_the_schema";
        Assert.True(run.With("fail", "warn").SequenceEqual([ExtraKeys, FiltersWithFields]), run.Explain());

        // Both are headlines: the narrow one is not folded under the wide one although both show the same calls.
        var causes = Causes(run);
        Assert.Equal([ExtraKeys, FiltersWithFields], causes.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(causes[ExtraKeys]);
        Assert.Empty(causes[FiltersWithFields]);
        var narrow = Evidence(run, FiltersWithFields);
        Assert.Matches(@"\$ \S+ users --unix-id=\d+ --fields=(?!id\b)[a-z_,]+\n  exit 0", narrow);
        Assert.Contains("FAIL: users --unix-id=", narrow, StringComparison.Ordinal);
        var text = Proc.Run(Repo.Binary, ["check", "--ini", gallery.Ini(NarrowBesideWide), .. gallery.StandardArgs, "--slow", "60"]);
        Assert.StartsWith("2 causes of failure", text.Stdout.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_account_this_host_does_not_have_is_a_warning_naming_it()
    {
        Assert.False(UnixUsers.Exists(MissingAdminAccount), $"the UNIX account {MissingAdminAccount} exists on this host: remove it to run this test");
        var run = CheckRun.With(gallery.Ini(AdminAccountNotAUser), gallery.StandardArgs);
        Assert.True(run.Process.ExitCode == ExitCodes.Success, run.Explain());
        Assert.Empty(run.With("fail"));
        Assert.Equal(["Admin_unix_users_are_users"], run.With("warn"));
        Assert.Contains(MissingAdminAccount, run.Check("Admin_unix_users_are_users").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_account_this_host_has_and_users_does_not_list_fails()
    {
        using var account = UnixUsers.Named(MissingAdminAccount);
        var run = CheckRun.With(gallery.Ini(AdminAccountNotAUser), gallery.StandardArgs);
        Assert.True(run.Process.ExitCode == ExitCodes.CheckFailed, run.Explain());
        Assert.Equal(["Admin_unix_users_are_users"], run.With("fail", "warn"));
        Assert.Contains(MissingAdminAccount, run.Check("Admin_unix_users_are_users").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("users does not list", run.Check("Admin_unix_users_are_users").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("pass", gallery.Reference.Statuses["Admin_unix_users_are_users"]);
    }

    private static Dictionary<string, List<string>> Causes(CheckRun run) =>
        run.Report.RootElement.GetProperty("causes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("headline").GetString()!, c => c.GetProperty("consequences").EnumerateArray().Select(e => e.GetString()!).ToList());

    private static string Evidence(CheckRun run, string check) =>
        string.Join("\n", run.Check(check).GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));

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
        var tested = Defects.Select(row => (string)row.Data.Item1)
            .Concat(["reference", SeveralDefects, NarrowBesideWide, AdminAccountNotAUser]).Order(StringComparer.Ordinal);
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
