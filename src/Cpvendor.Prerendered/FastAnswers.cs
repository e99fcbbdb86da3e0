using System.Text;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;

namespace Cpvendor.Prerendered;

/// <summary>
/// Answers the calls CloudLinux makes most from what the publisher pre-rendered with the live
/// scripts: panel_info from its public answer, an end user's <c>domains</c> from their per-uid
/// answers, and an administrator's unfiltered lists, <c>users --unix-id</c>, <c>--username</c>,
/// <c>--fields</c> and <c>domains --name</c> from the answer book, by concatenating byte ranges.
/// Arguments go through the contract's one parser. Anything else (another filter, an error to
/// report, a name not in the book, any doubt about a file) is <see cref="Outcome.NotHere"/>, and
/// the full path answers it, so every error envelope and edge case keeps one implementation.
/// </summary>
public static class FastAnswers
{
    private const int WholeRecord = 0;
    private const int IdAndUsername = 0b11;

    public static Outcome Answer(InstallConfig config, Caller caller, IReadOnlyList<string> args, AnswerSink sink)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(sink);
        if (args.Count == 0)
            return Outcome.NotHere;
        var script = args[0];
        var rest = args.Skip(1).ToArray();
        if (script == "panel_info")
            return rest.Length == 0 ? Stamped(AnswerFiles.PanelInfo(config), config.PanelInfoFile, 0, sink) : Outcome.NotHere;
        if (!caller.SeesEverything)
            return script == "domains" ? EndUserDomains(config, caller.Uid, rest, sink) : Outcome.NotHere;

        var whole = script switch
        {
            "packages" => BookSection.Packages,
            "resellers" => BookSection.Resellers,
            "admins" => BookSection.Admins,
            "php" => BookSection.Php,
            _ => (BookSection?)null,
        };
        if (whole is not null && rest.Length != 0)
            return Outcome.NotHere;
        if (whole is null && script is not ("users" or "domains"))
            return Outcome.NotHere;

        using var book = AnswerBook.Open(AnswerFiles.Book(config), AnswerFiles.Generation(config), Native.Now());
        if (book is null)
            return Outcome.NotHere;
        if (whole is { } section)
            return Write(sink, book.Section(section));
        return script == "users" ? Users(book, rest, sink) : Domains(book, rest, sink);
    }

    private static Outcome EndUserDomains(InstallConfig config, uint uid, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Domains, rest, ["with-php"]) is not { } arguments)
            return Outcome.NotHere;
        return Stamped(AnswerFiles.User(config, uid), config.UserFile(uid), arguments.Has("with-php") ? 1 : 0, sink);
    }

    private static Outcome Stamped(string path, string source, int index, AnswerSink sink) =>
        StampedAnswers.TryRead(path, source, index) is { } answer ? Write(sink, answer.Span) : Outcome.NotHere;

    private static Outcome Users(AnswerBook book, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Users, rest, ["fields", "unix-id", "username"]) is not { } arguments)
            return Outcome.NotHere;
        var mask = FieldMask.From(arguments.Fields("fields"));
        IReadOnlyList<int> records;
        if (arguments.Number("unix-id") is { } uid)
        {
            records = book.RecordsOfUid(uid);
        }
        else if (arguments.Text("username") is { } username)
        {
            var record = book.RecordOfUsername(Encoding.UTF8.GetBytes(username));
            records = record < 0 ? [] : [record];
        }
        else if (mask == FieldMask.All)
        {
            return Write(sink, book.Section(BookSection.Users));
        }
        else if (mask == IdAndUsername)
        {
            return Write(sink, book.Section(BookSection.UsersIdUsername));
        }
        else
        {
            records = Enumerable.Range(0, book.UserCount).ToList();
        }

        // A filter that matches nothing is NotFound, which the full path words.
        if (records.Count == 0 && (arguments.Has("unix-id") || arguments.Has("username")))
            return Outcome.NotHere;
        return Assemble(book, records, mask) is { } answer ? Write(sink, answer) : Outcome.NotHere;
    }

    /// <summary>The list of <paramref name="records"/>, each whole or projected onto <paramref name="mask"/>; null when the book's ranges do not fit.</summary>
    private static byte[]? Assemble(AnswerBook book, IReadOnlyList<int> records, int mask)
    {
        var length = AnswerBookFormat.ListPrefix.Length + AnswerBookFormat.ListSuffix.Length + Math.Max(0, records.Count - 1);
        foreach (var record in records)
        {
            if (mask == FieldMask.All)
            {
                if (!book.TryUserPart(record, WholeRecord, out var whole))
                    return null;
                length += whole.Length;
                continue;
            }

            // "{" + the chosen members joined by "," + "}".
            var members = 0;
            for (var field = 0; field < AnswerBookFormat.RecordFields - 1; field++)
            {
                if ((mask & (1 << field)) == 0)
                    continue;
                if (!book.TryUserPart(record, field + 1, out var member))
                    return null;
                length += member.Length;
                members++;
            }

            length += 2 + Math.Max(0, members - 1);
        }

        var answer = new byte[length];
        var at = Put(answer, 0, AnswerBookFormat.ListPrefix);
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
                answer[at++] = (byte)',';
            if (mask == FieldMask.All)
            {
                book.TryUserPart(records[i], WholeRecord, out var whole);
                at = Put(answer, at, whole);
                continue;
            }

            answer[at++] = (byte)'{';
            var first = true;
            for (var field = 0; field < AnswerBookFormat.RecordFields - 1; field++)
            {
                if ((mask & (1 << field)) == 0)
                    continue;
                if (!first)
                    answer[at++] = (byte)',';
                first = false;
                book.TryUserPart(records[i], field + 1, out var member);
                at = Put(answer, at, member);
            }

            answer[at++] = (byte)'}';
        }

        Put(answer, at, AnswerBookFormat.ListSuffix);
        return answer;
    }

    private static Outcome Domains(AnswerBook book, string[] rest, AnswerSink sink)
    {
        // --with-php is left to the full path: its answer is the largest and costliest of all to
        // render, and rendering it at every publish would cost more than its calls save.
        if (Parse(Grammar.Domains, rest, ["name"]) is not { } arguments)
            return Outcome.NotHere;
        if (arguments.Text("name") is not { } name)
            return Write(sink, book.Section(BookSection.Domains));
        if (!book.TryDomainMember(Encoding.UTF8.GetBytes(name), out var member))
            return Outcome.NotHere;
        var answer = new byte[AnswerBookFormat.ObjectPrefix.Length + member.Length + AnswerBookFormat.ObjectSuffix.Length];
        var at = Put(answer, 0, AnswerBookFormat.ObjectPrefix);
        at = Put(answer, at, member);
        Put(answer, at, AnswerBookFormat.ObjectSuffix);
        return Write(sink, answer);
    }

    /// <summary>The call's options if the grammar accepts them and they use only <paramref name="indexed"/>, else null.</summary>
    private static ParsedArguments? Parse(ScriptGrammar grammar, string[] rest, string[] indexed)
    {
        var (arguments, problem) = ArgumentParser.Parse(grammar, rest);
        if (problem is not null || arguments is null)
            return null;
        foreach (var option in grammar.Options)
        {
            if (arguments.Has(option.Name) && Array.IndexOf(indexed, option.Name) < 0)
                return null;
        }

        return arguments;
    }

    private static int Put(byte[] target, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.AsSpan(at));
        return at + bytes.Length;
    }

    private static Outcome Write(AnswerSink sink, ReadOnlySpan<byte> answer) => sink(answer) ? Outcome.Written : Outcome.WriteFailed;
}
