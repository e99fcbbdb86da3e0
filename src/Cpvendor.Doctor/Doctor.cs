using Cpvendor.Doctor.Checks;

namespace Cpvendor.Doctor;

/// <summary>
/// Examines a host (the real <c>/</c> or a folder standing for it) the way a support engineer
/// would, and reports every finding with its evidence and fix. Checks never change anything.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1724", Justification = "The project's one entry type is named after what it is; callers write Doctor.Examine.")]
public static class Doctor
{
    private static readonly IReadOnlyList<Check> Checks =
    [
        new HostIsOneTheIntegrationSupports(),
        new IntegrationIniIsReadableByEveryone(),
        new IntegrationIniParsesAsCloudLinuxReadsIt(),
        new EveryScriptLineAnswersAValidEnvelope(),
        new ScriptsForEveryUserAnswerAnUnprivilegedCaller(),
        new ScriptsAreVisibleInsideCageFS(),
        new PrivilegedBinaryIsOutsideCageMounts(),
        new SudoRulesAreValidAndCarryNosetenv(),
        new PanelUidsAreCagedByCageFS(),
        new SharedUidsAreAllowedByCageFS(),
        new PanelSystemUsersAreExcludedFromCageFS(),
        new OtherUsersProcessesAreHidden(),
        new SymlinkProtectionCoversTheWebServer(),
        new AdminsAreInClsudoers(),
        new GovernorMapMatchesDbInfo(),
        new HookEventsAreDelivered(),
        new PanelRecordsAllMapOntoThisHost(),
        new PanelRecordsAreAllAccepted(),
        new PublishedAnswersMatchTheStore(),
        new ReadModelIsAsNewAsTheStore(),
        new AnswerBookServesTheReadModel(),
        new SecretsAreReadableByRootOnly(),
        new PhpSelectorKnowsThePanelsNativePhp(),
        new PhpSelectorSetUpWasApplied(),
        new AccountRemovalGoesThroughUserdelCagefs(),
        new PerUserMountsAreInCageFsMp(),
        new ApacheIsCloudLinuxsOrLoadsItsModules(),
        new CustomSuexecSuphpAndPhpFpmCarryCloudLinuxsPatches(),
        new LinkTraversalProtectionAllowsLinksafe(),
        new XfsQuotasLetCloudLinuxToolsWrite(),
        new LveManagerSettingsPointAtRealFiles(),
        new StoreAndSecretAreInFoldersOnlyRootCanChange(),
    ];

    public static DoctorReport Examine(string root) => Examine(root, allowUntrusted: false);

    /// <summary>
    /// Examines a host; run as root, script lines that a user other than root can change are reported
    /// and not run unless <paramref name="allowUntrusted"/> (docs/security.md).
    /// </summary>
    public static DoctorReport Examine(string root, bool allowUntrusted)
    {
        var host = new HostView(root, allowUntrusted);
        var findings = new List<Finding>();
        foreach (var check in Checks)
        {
            try
            {
                findings.AddRange(check.Run(host));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.CpvendorException)
            {
                findings.Add(new Finding(check.Name, check.Section, Severity.Unknown, "the check could not finish", e.Message, "run the doctor as root"));
            }
        }

        return new DoctorReport(host.Root, findings) { RefusedToRun = host.RunTrust.Refused, Host = host.Platform };
    }
}
