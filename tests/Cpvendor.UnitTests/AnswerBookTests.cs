using System.Buffers.Binary;
using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Cpapi;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Prerendered;
using Cpvendor.Store;

namespace Cpvendor.UnitTests;

/// <summary>
/// The answer book read in process: the indexed calls assemble the bytes the full path prints, and a
/// book whose section table or record ranges point outside what they describe answers nothing
/// instead of printing garbage.
/// </summary>
public sealed class AnswerBookTests : IDisposable
{
    private static readonly Caller Root = new(0, CallerRole.Root);

    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-book-").FullName;

    public AnswerBookTests()
    {
        StoreInitializer.Create(Store, sampleUsers: 15, seed: 5);
        AnswerPublisher.PublishAll(Config);
    }

    private string Store => Path.Combine(dir, "panel.db");

    private InstallConfig Config => InstallConfig.ForRoot(Path.Combine(dir, "root"), Store);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Indexed_calls_print_what_the_full_path_prints()
    {
        foreach (var args in Calls())
        {
            var (outcome, bytes) = Fast(args);

            Assert.Equal(Outcome.Written, outcome);
            Assert.Equal(Full(args), bytes);
        }
    }

    [Fact]
    public void A_record_range_outside_the_users_answer_answers_nothing()
    {
        var path = AnswerFiles.Book(Config);
        var book = File.ReadAllBytes(path);
        var records = Section(book, BookSection.UserRecords);
        // Every range of every record points past the end of the users answer.
        for (var at = records.Offset; at < records.Offset + records.Length; at += 8)
            BinaryPrimitives.WriteUInt32LittleEndian(book.AsSpan(at), 0xFFFF_FFF0);
        File.WriteAllBytes(path, book);

        Assert.Equal(Outcome.NotHere, Fast(["users", "--unix-id", FirstUid()]).Outcome);
        Assert.Equal(Outcome.NotHere, Fast(["users", "--fields=id,email"]).Outcome);
        // The whole list does not use the ranges, and is still the full path's.
        Assert.Equal(Full(["users"]), Fast(["users"]).Bytes);
    }

    [Fact]
    public void A_run_of_fields_whose_members_are_not_one_comma_apart_answers_nothing_and_prints_nothing()
    {
        var path = AnswerFiles.Book(Config);
        var book = File.ReadAllBytes(path);
        var records = Section(book, BookSection.UserRecords);
        // The last record's username range starts a byte late: id and username are no longer one range.
        var username = records.Offset + records.Length - (AnswerBookFormat.RecordFields * 8) + (2 * 8);
        BinaryPrimitives.WriteUInt32LittleEndian(book.AsSpan(username), BinaryPrimitives.ReadUInt32LittleEndian(book.AsSpan(username)) + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(book.AsSpan(username + 4), BinaryPrimitives.ReadUInt32LittleEndian(book.AsSpan(username + 4)) - 1);
        File.WriteAllBytes(path, book);

        var run = Fast(["users", "--fields=id,username"]);

        Assert.Equal((Outcome.NotHere, 0), (run.Outcome, run.Bytes.Length));
        Assert.Equal(Outcome.NotHere, Fast(["users", "--fields=username,owner,id"]).Outcome);
        // Fields apart from the damaged one are still served, each its own range.
        Assert.Equal(Full(["users", "--fields=id,owner"]), Fast(["users", "--fields=id,owner"]).Bytes);
    }

    [Fact]
    public void A_section_table_pointing_past_the_file_refuses_the_whole_book()
    {
        var path = AnswerFiles.Book(Config);
        var book = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt64LittleEndian(book.AsSpan(AnswerBookFormat.HeaderLength + ((int)BookSection.Php * 16) + 8), book.Length);
        File.WriteAllBytes(path, book);

        foreach (var args in Calls())
            Assert.Equal(Outcome.NotHere, Fast(args).Outcome);
    }

    private IEnumerable<string[]> Calls()
    {
        var uid = FirstUid();
        using var domains = JsonDocument.Parse(Full(["domains"]));
        var domain = domains.RootElement.GetProperty("data").EnumerateObject().Last().Name;
        using var users = JsonDocument.Parse(Full(["users"]));
        var name = users.RootElement.GetProperty("data")[3].GetProperty("username").GetString()!;
        var owner = users.RootElement.GetProperty("data")[3].GetProperty("owner").GetString()!;
        return
        [
            ["users"], ["domains"], ["packages"], ["resellers"], ["admins"], ["php"],
            ["users", "--unix-id", uid], ["users", "--username=" + name], ["users", "--fields", "email,id"], ["users", "--fields=username,id"],
            ["users", "--unix-id=" + uid, "--fields=locale_code,package"], ["domains", "-n", domain],
            ["domains", "--with-php"], ["domains", "-n", domain, "--with-php"], ["domains", "--owner", name], ["users", "--owner", owner],
            ["users", "--owner", owner, "--fields=domain,id"], ["admins", "--is-main", "true"], ["admins", "--is-main", "false"],
        ];
    }

    private string FirstUid()
    {
        using var users = JsonDocument.Parse(Full(["users"]));
        return users.RootElement.GetProperty("data")[0].GetProperty("id").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private (Outcome Outcome, byte[] Bytes) Fast(string[] args)
    {
        var printed = new List<byte>();
        var outcome = FastAnswers.Answer(Config, Root, args, part =>
        {
            printed.AddRange(part);
            return true;
        });
        return (outcome, [.. printed]);
    }

    private byte[] Full(string[] args) => CpapiRunner.Run(args, () => Config, _ => null).ToArray();

    private static (int Offset, int Length) Section(byte[] book, BookSection section)
    {
        var entry = AnswerBookFormat.HeaderLength + ((int)section * 16);
        return ((int)BinaryPrimitives.ReadInt64LittleEndian(book.AsSpan(entry)), (int)BinaryPrimitives.ReadInt64LittleEndian(book.AsSpan(entry + 8)));
    }
}
