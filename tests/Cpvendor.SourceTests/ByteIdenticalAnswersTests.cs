using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

public sealed class ByteIdenticalAnswersTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Same_panel_from_a_database_answers_byte_for_byte_like_the_embedded_store(Dialect dialect)
    {
        using var embedded = TempInstall.Create(users: 120, seed: 11);
        using var database = PanelDatabase.Create(dialect);
        PanelLoader.Load(database, PanelLoader.ReadStore(embedded.Store));
        using var synced = SyncedInstall.Create(database, users: 120, seed: 11);
        // db_info's credential is random per store and not part of the panel database: the same one.
        File.Copy(embedded.Config.DbSecret, synced.Config.DbSecret, overwrite: true);

        var before = Envelope.Of(synced.Cpapi("users")).Data.GetArrayLength();
        Assert.Equal(0, before);
        synced.SyncChecked();

        var calls = Answers.Calls(embedded);
        var expected = Answers.Of(embedded, calls);
        var actual = Answers.Of(synced, calls);
        Assert.Equal(expected.Select(a => a.What), actual.Select(a => a.What));
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].Bytes == actual[i].Bytes, $"{expected[i].What} differs:\nembedded: {expected[i].Bytes}\n{dialect}: {actual[i].Bytes}");
    }
}
