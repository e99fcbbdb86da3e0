using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests;

/// <summary>docs/contract.md section 3, panel_info: supported_cl_features lists only keys CloudLinux knows.</summary>
public sealed class PanelInfoTests
{
    [Fact]
    public void A_feature_name_cloudlinux_does_not_know_is_left_out()
    {
        var panel = new KnownPanel();
        using var install = TempInstall.FromStore(store =>
        {
            panel.WriteStore(store);
            using var connection = PanelStore.OpenForWrite(store);
            using var writer = new PanelWriter(connection);
            writer.SetFeature("teleport_selector", true);
            writer.Commit();
        });

        var envelope = Envelope.Of(install.Cpapi("panel_info")).Is("ok");

        Assert.Equal(Expected.Canonical(Expected.PanelInfo(panel)), Expected.Canonical(envelope.Data));
    }
}
