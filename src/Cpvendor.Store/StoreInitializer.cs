using Cpvendor.Core;
using Cpvendor.Store.Sample;

namespace Cpvendor.Store;

/// <summary>Creates a store: empty (panel defaults only) or filled with a sample panel, plus its secret file.</summary>
public static class StoreInitializer
{
    public sealed record Created(int Users, int Domains, int Resellers);

    public static Created Create(string path, int sampleUsers, int seed)
    {
        using (var store = PanelStore.Create(path))
        using (var writer = new PanelWriter(store))
        {
            if (sampleUsers > 0)
            {
                new SampleGenerator(seed).Fill(writer, sampleUsers);
            }
            else
            {
                writer.SetPanel("cpvendor", "1.0.0", null, null, "fpm", allowDuplicateUids: false);
            }

            writer.Commit();
        }

        Core.Native.Libc.SetOwnerAndModeNoFollow(path, FileModes.PrivateFile, owner: null, group: null);
        if (sampleUsers > 0)
        {
            new DbCredential("cpvendor_stats", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), "localhost", 3306)
                .Write(Core.InstallConfig.StoreSecretPath(path));
        }

        using var reader = PanelReader.Open(path);
        return new Created(
            reader.Users(new UserFilter()).Count(),
            reader.Domains().Count(),
            reader.Resellers().Count());
    }
}
