using Cpvendor.Core;
using Cpvendor.Host.Render;
using Cpvendor.Host.Steps;
using Cpvendor.Store;

namespace Cpvendor.Host.Plan;

/// <summary>The steps of an install, in order; each cites the docs/contract.md section it sets up.</summary>
internal sealed class InstallPlan(InstallOptions options, string root, string store, string sourceBinary, Func<InstallConfig> config)
{
    public IReadOnlyList<IInstallStep> Steps()
    {
        var steps = new List<IInstallStep>();
        var binary = InstallLayout.BinaryUnder(root);
        var etc = InstallLayout.Under(root, InstallLayout.EtcDir);
        var privileged = options.Privileged == PrivilegedMode.Sudo;

        // Section 7: /opt/cpvendor/bin for scripts (mounted into CageFS), settings beside it.
        steps.Add(new DirectoryStep(InstallLayout.Under(root, "opt/cpvendor"), Modes.Dir));
        steps.Add(new DirectoryStep(InstallLayout.Under(root, InstallLayout.BinDir), Modes.Dir));
        steps.Add(new DirectoryStep(etc, Modes.Dir));
        steps.Add(new DirectoryStep(HostLayout.LvemanagerAssets(root), Modes.Dir));
        var lvemanager = options.Lvemanager;
        var basePath = lvemanager.BasePath is { } chosen ? InstallLayout.Under(root, chosen.TrimStart('/')) : HostLayout.LvemanagerAssets(root);
        if (lvemanager.BasePath is not null)
            steps.Add(new DirectoryStep(basePath, Modes.Dir));
        steps.Add(new GroupStep(options.AdminGroup));
        steps.Add(new FileStep(binary, () => File.ReadAllBytes(sourceBinary), Modes.Executable, what: "the cpvendor binary"));
        // Kept beside the binary so that an install run from the installed copy finds it too.
        var positionIndependent = PositionIndependentCopy.Of(sourceBinary);
        if (File.Exists(positionIndependent))
            steps.Add(new FileStep(PositionIndependentCopy.Of(binary), () => File.ReadAllBytes(positionIndependent), Modes.Executable, what: "the position-independent build, for privileged mode"));
        var smallSource = SmallCpapiBinary.Beside(sourceBinary);
        var small = File.Exists(smallSource) ? SmallCpapiBinary.Beside(binary) : null;
        if (small is not null)
            steps.Add(new FileStep(small, () => File.ReadAllBytes(smallSource), Modes.Executable, what: "the small cpapi binary the script lines run"));
        var smallPositionIndependent = PositionIndependentCopy.Of(smallSource);
        if (File.Exists(smallPositionIndependent))
            steps.Add(new FileStep(PositionIndependentCopy.Of(SmallCpapiBinary.Beside(binary)), () => File.ReadAllBytes(smallPositionIndependent), Modes.Executable, what: "the small cpapi binary's position-independent build, for privileged mode"));
        steps.Add(new FileStep(InstallLayout.ConfigFileUnder(root), () => Installer.Utf8(config().Render()), Modes.Public));

        // Section 4: integration.ini, readable by everyone, both sections.
        // Section 4 and docs/lvemanager.md: LVE Manager's own web server, its TLS files, vendor_php.
        string? Rooted(string? path) => path is null ? null : InstallLayout.Under(root, path.TrimStart('/'));
        var ini = new IntegrationIni(binary, basePath, RunService: lvemanager.Service != Choices.LvemanagerService.None, ServicePort: options.ServicePort,
            ScriptRunner: privileged ? HostLayout.PrivilegedWrapper(root) : small, ScriptRunnerTakesCpapi: privileged || small is null)
        {
            Ssl = lvemanager.Service == Choices.LvemanagerService.Https ? (Rooted(lvemanager.SslCert)!, Rooted(lvemanager.SslKey)!) : null,
            VendorPhp = Rooted(lvemanager.VendorPhp),
        };
        steps.Add(new FileStep(InstallLayout.IntegrationIniUnder(root), () => Installer.Utf8(ini.Render()), Modes.Public, what: "integration.ini"));

        // Section 6: the live store and the db_info secret for root only; administrators read the
        // published read model, so nothing they can open may hold a lock a writer needs.
        steps.Add(new PermissionStep(store, Modes.Secret, () => 0, "store: root only"));
        steps.Add(new PermissionStep(InstallConfig.StoreSecretPath(store), Modes.Secret, () => 0, "db_info secret: root only"));
        steps.Add(new PublishStep(config));

        // Section 7: the MySQL Governor map, from the store (the lifecycle keeps it current afterwards).
        steps.Add(new FileStep(config().GovernorMap, () => Installer.Utf8(new Cpvendor.Panel.PanelService(config()).RenderGovernorMap()), Modes.Secret, what: "MySQL Governor dbuser-map"));

        // Sections 3 and 5: ui_user_info tokens and the hook log, for root only.
        steps.Add(new DirectoryStep(config().UiTokenDir, Modes.RootExecutable));
        steps.Add(new DirectoryStep(Path.GetDirectoryName(config().HookLog)!, Modes.RootExecutable));

        // Section 7: CageFS.
        var allowDuplicates = false;
        IReadOnlyList<string> admins;
        string? nativeConf;
        using (var reader = PanelReader.Open(store))
        {
            allowDuplicates = reader.Settings().AllowDuplicateUids || options.AllowDuplicateUids;
            admins = reader.Admins().Where(a => a.UnixUser is not null).Select(a => a.Name).ToList();
            nativeConf = Cpvendor.Panel.Selector.NativePhpConf.Render(reader);
        }

        if (options.SystemUsers.Count > 0)
            steps.Add(new FileStep(HostLayout.CageFsExclude(root), () => Installer.Utf8(CageFsFiles.Exclude(options.SystemUsers)), Modes.Public, raises: CageFsRefreshStep.Tag, what: "panel system users out of CageFS"));
        if (allowDuplicates)
            steps.Add(new FileStep(HostLayout.CageFsDuplicateUids(root), () => [], Modes.Public, raises: CageFsRefreshStep.Tag, what: "the panel shares uids"));
        steps.Add(new FileStep(HostLayout.CageFsConfD(root), () => Installer.Utf8(CageFsFiles.ConfD(binary, etc)), Modes.Public, raises: CageFsRefreshStep.Tag));
        foreach (var mount in options.PersonalMounts)
            steps.Add(new LineStep(HostLayout.CageFsMountPoints(root), CageFsFiles.PersonalMount(mount), CageFsRefreshStep.Tag));

        // Sections 6 and 7: privileged mode.
        if (privileged)
        {
            // Root runs the small copy on every caller's arguments; it hands the rest to the full copy beside it.
            var privilegedBinary = HostLayout.PrivilegedBinary(root);
            var privilegedSmall = HostLayout.PrivilegedSmallBinary(root);
            steps.Add(new FileStep(privilegedBinary, () => PositionIndependentCopy.Read(sourceBinary), Modes.Executable, what: "privileged copy (position-independent), outside cage-mounted folders"));
            steps.Add(new FileStep(privilegedSmall, () => PositionIndependentCopy.Read(smallSource), Modes.Executable, what: "privileged small cpapi copy (position-independent), beside the privileged copy"));
            steps.Add(new FileStep(HostLayout.PrivilegedConfig(root), () => Installer.Utf8((config() with { Identity = IdentityMode.Privileged }).Render()), Modes.Public, what: "identity = privileged"));
            steps.Add(new FileStep(HostLayout.PrivilegedWrapper(root), () => Installer.Utf8(PrivilegedWrapper.Render(privilegedSmall)), Modes.Executable, what: "sudo or proxyexec wrapper"));
            steps.Add(new SudoersStep(HostLayout.SudoersDropIn(root), SudoersDropIn.Render(privilegedSmall)));
            steps.Add(new FileStep(HostLayout.CageFsProxyCommands(root), () => Installer.Utf8(CageFsFiles.ProxyCommands(privilegedSmall)), Modes.Public, raises: CageFsRefreshStep.Tag));
        }

        steps.Add(new CageFsRefreshStep());

        // Section 7 and the seed's PHP Selector part: the panel's native PHP, then --setup-cl-selector.
        if (nativeConf is not null)
            steps.Add(new FileStep(Cpvendor.Panel.Selector.NativePhpConf.PathUnder(root), () => Installer.Utf8(nativeConf), Modes.Public, raises: ClSelectorSetupStep.Tag, what: "PHP Selector: the panel's native PHP"));
        else
            steps.Add(new ClaimedFileStep(Cpvendor.Panel.Selector.NativePhpConf.PathUnder(root), "PHP Selector's native.conf, once the panel has a native PHP"));
        steps.Add(new ClSelectorSetupStep(config));
        // Section 5: Virtualmin tells cpvendor of every change through its pre/post-change command.
        if (options.VirtualminConfigDir is { } virtualmin)
            steps.Add(new VirtualminCommandStep(Path.Combine(Path.GetFullPath(root) == "/" ? virtualmin : InstallLayout.Under(root, virtualmin.TrimStart('/')), "config"), Path.Combine(etc, "virtualmin-chain.conf"), binary));

        // Section 5: administrators that already exist are announced once.
        foreach (var admin in admins)
            steps.Add(new AdminHookStep(config().HooksDir, admin, options.AdminHookFlag, options.HookTimeout));
        return steps;
    }
}
