using System.Globalization;
using System.Text;
using Cpvendor.Contract;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// Random argument vectors for one script, reproducible from a seed: the script's own options in
/// every form (<c>--x=v</c>, <c>--x v</c>, <c>-xv</c>, <c>-x v</c>, missing values), other scripts'
/// options, near-miss spellings, stray words and <c>=</c> splits, with values that are empty, huge,
/// control characters, unicode of every plane, shell and path tricks, and names the panel knows.
/// </summary>
public sealed class ArgumentFuzzer
{
    private static readonly string[] Known =
    [
        "kpalice", "kpbob", "kpdave", "kpres1", "kpres2", "kpadmin", "kpsupport", "kpalice.com", "kpcarol.io",
        "Pro", "Basic", "true", "false", "TRUE", "0", "1", "-1", "007", "4000000001", "4294967295", "4294967296",
        "99999999999999999999", "id", "id,username", "email,package,id", "id,,", ",", "nosuchfield", "a=b", "=", "==",
        "-", "--", "--owner", "-o", "-n", "--with-php", " ", "\t", "a\nb", "\r\n", "é", "日本語", "😀", "\u202ertl", "a\u0301",
        "\uffff", "\ufeff", "\u0001", "\u007f", "'\"\\", "%s%n%x", "$(id)", "`id`", "../../etc/passwd", "*", "{domain}",
        "null", "[]", "{}", "\"}", "\\u0000",
    ];

    private static readonly string[] NearMisses =
    [
        "--", "-", "---owner", "--OWNER", "--Owner", "--own", "--owner-", "--with_php", "--withphp", "--is_main",
        "--unix_id", "--unixid", "--package", "--field", "--field=id", "--=x", "-=x", "-O", "-N", "-M", "-x", "-h",
        "--help", "--version", "-?", "/owner", "owner=x", "=x",
    ];

    private readonly Random random;
    private readonly ScriptGrammar grammar;
    private readonly IReadOnlyList<OptionSpec> foreign;

    public ArgumentFuzzer(ScriptGrammar grammar, int seed)
    {
        this.grammar = grammar;
        random = new Random(seed);
        foreign = [.. Grammar.Scripts.SelectMany(s => s.Options).Where(o => grammar.FindLong(o.Name) is null)];
    }

    /// <summary>The next vector: the script name and 0 to 7 tokens.</summary>
    public string[] Next()
    {
        var tokens = new List<string> { grammar.Script };
        var count = random.Next(8);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            if (roll < 55 && grammar.Options.Count > 0)
                AddOption(tokens, grammar.Options[random.Next(grammar.Options.Count)]);
            else if (roll < 65 && foreign.Count > 0)
                AddOption(tokens, foreign[random.Next(foreign.Count)]);
            else if (roll < 85)
                tokens.Add(Pick(NearMisses) + (random.Next(3) == 0 ? "=" + Value() : ""));
            else
                tokens.Add(Value());
        }

        return [.. tokens];
    }

    private void AddOption(List<string> tokens, OptionSpec option)
    {
        switch (random.Next(6))
        {
            case 0:
                tokens.Add($"--{option.Name}={Value(option)}");
                break;
            case 1:
                tokens.Add($"--{option.Name}");
                if (option.Kind != OptionKind.Flag || random.Next(4) == 0)
                    tokens.Add(Value(option));
                break;
            case 2 when option.ShortName is { } s:
                tokens.Add($"-{s}{Value(option)}");
                break;
            case 3 when option.ShortName is { } s:
                tokens.Add($"-{s}");
                tokens.Add(Value(option));
                break;
            case 4:
                tokens.Add($"--{option.Name}");
                break;
            default:
                tokens.Add($"--{option.Name}={Value(option)}={Value()}");
                break;
        }
    }

    /// <summary>Mostly plausible values for the option's kind, often not.</summary>
    private string Value(OptionSpec? option = null)
    {
        if (option is not null && random.Next(3) == 0)
        {
            switch (option.Kind)
            {
                case OptionKind.WholeNumber:
                    return random.NextInt64(0, 5_000_000_000).ToString(CultureInfo.InvariantCulture);
                case OptionKind.Boolean:
                    return random.Next(2) == 0 ? "true" : "false";
                case OptionKind.FieldList:
                    return string.Join(',', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Pick(option.AllowedValues!)));
            }
        }

        return random.Next(10) switch
        {
            0 => "",
            1 => Huge(Pick(["a", "é", "😀", "-", "=", ","]), random.Next(2) == 0 ? 5000 : 60000),
            2 or 3 => RandomText(),
            _ => Pick(Known),
        };
    }

    /// <summary>A value of about <paramref name="bytes"/> UTF-8 bytes: two fit in one argument (the kernel's limit is 128 KiB).</summary>
    private static string Huge(string unit, int bytes) => string.Concat(Enumerable.Repeat(unit, bytes / Encoding.UTF8.GetByteCount(unit)));

    /// <summary>Up to 24 code points from ASCII, Latin, CJK, the private use area and the astral planes (never NUL or a lone surrogate).</summary>
    private string RandomText()
    {
        var sb = new StringBuilder();
        var length = random.Next(25);
        for (var i = 0; i < length; i++)
        {
            var cp = random.Next(6) switch
            {
                0 => random.Next(1, 0x20),
                1 => random.Next(0x20, 0x7f),
                2 => random.Next(0x80, 0x800),
                3 => random.Next(0x3000, 0xD7FF),
                4 => random.Next(0xE000, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
