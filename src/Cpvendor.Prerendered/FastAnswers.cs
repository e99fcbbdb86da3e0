using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;

namespace Cpvendor.Prerendered;

/// <summary>
/// Answers the calls CloudLinux makes from what the publisher pre-rendered with the live scripts:
/// panel_info from its public answer, an end user's <c>domains</c> from their per-uid file,
/// root's <c>db_info</c> from its root-only answer file, and an administrator's lists and every
/// filter of them from the answer book, by concatenating byte ranges. Arguments go through the
/// contract's one parser. Anything else (an error to report, a name that does not exist, any
/// doubt about a file) is <see cref="Outcome.NotHere"/>, and the full path answers it, so every
/// error envelope and edge case keeps one implementation.
/// </summary>
public static class FastAnswers
{
    private const int WholeMember = 0;
    private const int MemberWithoutPhp = 1;

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
        // The password is root's alone, decided by the caller's role (docs/security.md): an
        // administrator's call goes to the full path, which words the refusal.
        if (script == "db_info")
            return caller.Role == CallerRole.Root ? DbInfo(config, rest, sink) : Outcome.NotHere;
        if (script is not ("users" or "domains" or "packages" or "resellers" or "admins" or "php"))
            return Outcome.NotHere;

        using var book = BookView.Open(config, Native.Now());
        if (book is null)
            return Outcome.NotHere;
        return script switch
        {
            "users" => Users(book, rest, sink),
            "domains" => Domains(book, rest, sink),
            "packages" => Packages(book, rest, sink),
            "resellers" => Resellers(book, rest, sink),
            "admins" => Admins(book, rest, sink),
            _ => Parse(Grammar.Php, rest, []) is null ? Outcome.NotHere : Write(sink, book.ListOf(BookSection.Php).Section(BookSection.Php)),
        };
    }

    private static Outcome EndUserDomains(InstallConfig config, uint uid, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Domains, rest, ["with-php"]) is not { } arguments)
            return Outcome.NotHere;
        return AccountFile.TryAnswer(config, uid, arguments.Has("with-php") ? AccountFile.DomainsWithPhp : AccountFile.Domains) is { } answer
            ? Write(sink, answer.Span)
            : Outcome.NotHere;
    }

    private static Outcome Stamped(string path, string source, int index, AnswerSink sink) =>
        StampedAnswers.TryRead(path, source, index) is { } answer ? Write(sink, answer.Span) : Outcome.NotHere;

    /// <summary>
    /// Root's db_info, served while its answer file, with the patch over it when there is one, holds
    /// the current generation's database users (rendered from it, or from an earlier one the book
    /// patch says no database user changed since) and the credential file is the one both were
    /// rendered with (<see cref="DbInfoAnswer"/>).
    /// </summary>
    private static Outcome DbInfo(InstallConfig config, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.DbInfo, rest, []) is null)
            return Outcome.NotHere;
        var now = Native.Now();
        using var file = DbInfoAnswer.Open(AnswerFiles.DbInfo(config), AnswerFiles.DbInfoPatch(config));
        if (file is null)
            return Outcome.NotHere;
        var generation = AnswerFiles.Generation(config);
        using var patch = file.Served.Stamp == GenerationStamp.OfReadable(generation) ? null : AnswerBook.OpenPatch(AnswerFiles.Patch(config), generation, now);
        if (DbInfoSource.Stamp(config.DbSecret) is not { } source || !file.Current(patch, generation, now, source))
            return Outcome.NotHere;
        return file.Write(sink);
    }

    private static Outcome Users(BookView book, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Users, rest, ["fields", "unix-id", "username", "owner", "package-name", "package-owner"]) is not { } arguments)
            return Outcome.NotHere;
        var mask = FieldMask.From(arguments.Fields("fields"));
        IReadOnlyList<int>? records;
        if (arguments.Number("unix-id") is { } uid)
        {
            records = book.Find(BookView.Users, part => part.RecordsOfUid(uid));
        }
        else if (arguments.Text("username") is { } username)
        {
            records = book.Find(BookView.Users, part => part.Lookup(BookSection.UsernameIndex, Encoding.UTF8.GetBytes(username)));
        }
        else if (arguments.Text("owner") is { } owner)
        {
            return OwnerExists(book, owner)
                ? WriteUsers(book, book.Find(BookView.Users, part => part.Lookup(BookSection.UserOwnerIndex, Encoding.UTF8.GetBytes(owner))), mask, sink)
                : Outcome.NotHere;
        }
        else if (arguments.Text("package-name") is { } packageName)
        {
            var key = AnswerBookFormat.PackageKey(arguments.Text("package-owner")!, packageName);
            return PackageExists(book, arguments.Text("package-owner")!, packageName)
                ? WriteUsers(book, book.Find(BookView.Users, part => part.Lookup(BookSection.UserPackageIndex, key)), mask, sink)
                : Outcome.NotHere;
        }
        else if (mask == FieldMask.All)
        {
            return book.WriteAll(BookView.Users, AnswerBookFormat.ListPrefix, AnswerBookFormat.ListSuffix, sink);
        }
        else
        {
            return WriteUsers(book, book.Order(BookView.Users), mask, sink);
        }

        // No such user or uid is NotFound, which the full path words.
        return records is null || records.Count == 0 ? Outcome.NotHere : WriteUsers(book, records, mask, sink);
    }

    /// <summary>
    /// Whether <paramref name="owner"/> names an administrator or a reseller, as the full path's
    /// owner check asks: both whole lists are in the book, so the answer is exact.
    /// </summary>
    private static bool OwnerExists(BookView book, string owner)
    {
        var key = Encoding.UTF8.GetBytes(owner);
        return book.ListOf(BookSection.Admins).Lookup(BookSection.AdminNameIndex, key) is { Count: > 0 }
            || book.ListOf(BookSection.Resellers).Lookup(BookSection.ResellerNameIndex, key) is { Count: > 0 };
    }

    /// <summary>Whether the packages answer lists a package of that name and owner.</summary>
    private static bool PackageExists(BookView view, string owner, string name)
    {
        var book = view.ListOf(BookSection.Packages);
        if (book.Lookup(BookSection.PackageOwnerIndex, Encoding.UTF8.GetBytes(owner)) is not { } owned
            || book.Lookup(BookSection.PackageNameIndex, Encoding.UTF8.GetBytes(name)) is not { } named)
        {
            return false;
        }

        return owned.Intersect(named).Any();
    }

    /// <summary>The list of <paramref name="records"/>, each whole or projected onto <paramref name="mask"/>; nothing when the book's ranges do not fit.</summary>
    private static Outcome WriteUsers(BookView book, IReadOnlyList<int>? records, int mask, AnswerSink sink)
    {
        if (records is null)
            return Outcome.NotHere;
        return WriteUsers(book, ElementOrder.Of(SpanOf(records)), mask, sink);
    }

    /// <summary>
    /// The list of the records <paramref name="order"/> walks, each as "{" + its runs of chosen
    /// members (<see cref="FieldMask.Runs"/>) joined by "," + "}", or whole when
    /// <paramref name="mask"/> is <see cref="FieldMask.All"/>; nothing when the book's ranges do not
    /// fit. Every range is located and checked before the first byte is written, since the answer
    /// goes out in blocks and a refusal midway could not be taken back; the places found are kept
    /// (8 bytes a run), so the range section is read once and the copy reads only the answer.
    /// </summary>
    private static Outcome WriteUsers(BookView book, ElementOrder order, int mask, AnswerSink sink)
    {
        var ranges = book.Ranges(BookView.Users);
        var runs = FieldMask.Runs(mask);
        var located = GC.AllocateUninitializedArray<long>(order.Bound * runs.Length);
        var count = 0;
        while (order.Next(out var record))
        {
            foreach (var (first, last) in runs)
            {
                if (count == located.Length || !ranges.TryPack(record, first, last, out located[count++]))
                    return Outcome.NotHere;
            }
        }

        var projected = mask != FieldMask.All;
        var stream = new AnswerBlocks(sink);
        stream.Put(AnswerBookFormat.ListPrefix);
        const int Ahead = 16;
        for (var at = 0; at < count; at += runs.Length)
        {
            if (at + (Ahead * runs.Length) < count)
                ranges.Prefetch(located[at + (Ahead * runs.Length)]);
            if (at > 0)
                stream.Put((byte)',');
            if (projected)
                stream.Put((byte)'{');
            for (var run = 0; run < runs.Length; run++)
            {
                if (run > 0)
                    stream.Put((byte)',');
                stream.Put(ranges.Unpack(located[at + run]));
            }

            if (projected)
                stream.Put((byte)'}');
        }

        stream.Put(AnswerBookFormat.ListSuffix);
        return stream.Finish();
    }

    private static Outcome Domains(BookView book, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Domains, rest, ["name", "owner", "with-php"]) is not { } arguments)
            return Outcome.NotHere;
        var withPhp = arguments.Has("with-php");
        IReadOnlyList<int>? members;
        if (arguments.Text("name") is { } name)
        {
            // No such domain is NotFound, which the full path words.
            members = book.Find(BookView.Domains, part => part.Lookup(BookSection.DomainNameIndex, Encoding.UTF8.GetBytes(name)));
            if (members is not { Count: > 0 })
                return Outcome.NotHere;
        }
        else if (arguments.Text("owner") is { } owner)
        {
            // The full path asks whether the owner is a user the users answer lists: exact from the book.
            var key = Encoding.UTF8.GetBytes(owner);
            if (book.Find(BookView.Users, part => part.Lookup(BookSection.UsernameIndex, key)) is not { Count: > 0 })
                return Outcome.NotHere;
            members = book.Find(BookView.Domains, part => part.Lookup(BookSection.DomainOwnerIndex, key));
        }
        else if (withPhp)
        {
            return book.WriteAll(BookView.Domains, AnswerBookFormat.ObjectPrefix, AnswerBookFormat.ObjectSuffix, sink);
        }
        else
        {
            return WriteDomains(book, book.Order(BookView.Domains), withPhp, sink);
        }

        return members is null ? Outcome.NotHere : WriteDomains(book, ElementOrder.Of(SpanOf(members)), withPhp, sink);
    }

    /// <summary>
    /// The object of the domain members <paramref name="order"/> walks, each whole or, without PHP,
    /// its part before "php" and a closing brace (docs/cpapi.md); nothing when the book's ranges do
    /// not fit. As for users, every range is checked, from the range section alone, before the first
    /// byte is written, and the ranges are found once for the call.
    /// </summary>
    private static Outcome WriteDomains(BookView book, ElementOrder order, bool withPhp, AnswerSink sink)
    {
        var ranges = book.Ranges(BookView.Domains);
        var part = withPhp ? WholeMember : MemberWithoutPhp;
        var check = order;
        while (check.Next(out var member))
        {
            if (!ranges.TryLocate(member, part, part, out _, out _))
                return Outcome.NotHere;
        }

        var stream = new AnswerBlocks(sink);
        stream.Put(AnswerBookFormat.ObjectPrefix);
        for (var i = 0; order.Next(out var member); i++)
        {
            if (i > 0)
                stream.Put((byte)',');
            ranges.TryParts(member, part, part, out var bytes);
            stream.Put(bytes);
            if (!withPhp)
                stream.Put((byte)'}');
        }

        stream.Put(AnswerBookFormat.ObjectSuffix);
        return stream.Finish();
    }

    private static ReadOnlySpan<int> SpanOf(IReadOnlyList<int> elements) => elements switch
    {
        List<int> list => CollectionsMarshal.AsSpan(list),
        int[] array => array,
        _ => elements.ToArray(),
    };

    private static Outcome Packages(BookView view, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Packages, rest, ["owner"]) is not { } arguments)
            return Outcome.NotHere;
        var book = view.ListOf(BookSection.Packages);
        if (arguments.Text("owner") is not { } owner)
            return Write(sink, book.Section(BookSection.Packages));
        return OwnerExists(view, owner)
            ? WriteElements(book, BookSection.Packages, BookSection.PackageElements, book.Lookup(BookSection.PackageOwnerIndex, Encoding.UTF8.GetBytes(owner)), sink)
            : Outcome.NotHere;
    }

    private static Outcome Resellers(BookView view, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Resellers, rest, ["id", "name"]) is not { } arguments)
            return Outcome.NotHere;
        var book = view.ListOf(BookSection.Resellers);
        IReadOnlyList<int>? found;
        if (arguments.Number("id") is { } id)
            found = book.Lookup(BookSection.ResellerIdIndex, Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)));
        else if (arguments.Text("name") is { } name)
            found = book.Lookup(BookSection.ResellerNameIndex, Encoding.UTF8.GetBytes(name));
        else
            return Write(sink, book.Section(BookSection.Resellers));
        return found is null || found.Count == 0 ? Outcome.NotHere : WriteElements(book, BookSection.Resellers, BookSection.ResellerElements, found, sink);
    }

    private static Outcome Admins(BookView view, string[] rest, AnswerSink sink)
    {
        if (Parse(Grammar.Admins, rest, ["name", "is-main"]) is not { } arguments)
            return Outcome.NotHere;
        var book = view.ListOf(BookSection.Admins);
        if (arguments.Text("name") is { } name)
        {
            var named = book.Lookup(BookSection.AdminNameIndex, Encoding.UTF8.GetBytes(name));
            return named is null || named.Count == 0 ? Outcome.NotHere : WriteElements(book, BookSection.Admins, BookSection.AdminElements, named, sink);
        }

        if (arguments.Boolean("is-main") is not { } isMain)
            return Write(sink, book.Section(BookSection.Admins));
        // A condition, not a name: every administrator is listed under true or false, so nothing
        // found is the empty list, exactly as the full path prints it.
        var found = book.Lookup(BookSection.AdminIsMainIndex, AnswerBookFormat.BooleanKey(isMain));
        return WriteElements(book, BookSection.Admins, BookSection.AdminElements, found, sink);
    }

    /// <summary>The list of <paramref name="found"/> elements of a list answer, each whole; nothing when the book's ranges do not fit.</summary>
    private static Outcome WriteElements(AnswerBook book, BookSection answer, BookSection elements, IReadOnlyList<int>? found, AnswerSink sink) =>
        WriteJoined((element, out bytes) => book.TryPart(answer, elements, 1, element, 0, out bytes), found, AnswerBookFormat.ListPrefix, AnswerBookFormat.ListSuffix, sink);

    /// <summary>
    /// <paramref name="prefix"/>, then the range <paramref name="range"/> gives for each of <paramref name="found"/>
    /// joined by commas, then <paramref name="suffix"/>; nothing when the book's ranges do not fit.
    /// </summary>
    private static Outcome WriteJoined(ElementBytes range, IReadOnlyList<int>? found, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix, AnswerSink sink)
    {
        if (found is null)
            return Outcome.NotHere;
        foreach (var element in found)
        {
            if (!range(element, out _))
                return Outcome.NotHere;
        }

        var stream = new AnswerBlocks(sink);
        stream.Put(prefix);
        for (var i = 0; i < found.Count; i++)
        {
            if (i > 0)
                stream.Put((byte)',');
            range(found[i], out var bytes);
            stream.Put(bytes);
        }

        stream.Put(suffix);
        return stream.Finish();
    }

    /// <summary>The range of one element an answer is joined from; false when it does not fit.</summary>
    private delegate bool ElementBytes(int element, out ReadOnlySpan<byte> bytes);

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

    private static Outcome Write(AnswerSink sink, ReadOnlySpan<byte> answer) => sink(answer) ? Outcome.Written : Outcome.WriteFailed;
}
