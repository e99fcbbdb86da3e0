using System.Globalization;
using System.Text;
using Cpvendor.Core;
using Cpvendor.Panel.Validation;

namespace Cpvendor.UnitTests.Security;

/// <summary>
/// Attack: a name that looks valid carries a newline (a .NET <c>$</c> matches before a final
/// <c>\n</c>), a NUL, a control or bidi character, a look-alike letter, a leading '-' or sheer
/// length into a hook argument, the Governor map or an answer file. Every validator is fed seeded
/// hostile mutations of a valid value; whatever it accepts must be safe to its true end.
/// Seed and count: CPVENDOR_FUZZ_SEED, CPVENDOR_FUZZ_RUNS (per validator).
/// </summary>
public sealed class HostileNameTests
{
    private static readonly string[] Hostile =
    [
        "\n", "\r", "\r\n", "\0", "\t", "\v", "\f", "\u001b", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
        "\u202e", "\u202d", "\u2066", "\u2067", "\u200b", "\u200d", "\ufeff", "\ud800", "\udfff", "\ue000",
        "\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u0456", "\u03bf", "\uff41", "\u0131", "é", " ", "-", "--",
    ];

    /// <summary>Each validator and a valid value for it.</summary>
    public static TheoryData<string, string> Validators => new()
    {
        { "account", "alice" },
        { "login", "boss" },
        { "package", "Gold Plan" },
        { "dbuser", "alice_wp" },
        { "email", "alice@example.com" },
        { "locale", "EN_us" },
        { "path", "/home/alice/public_html" },
        { "home", "/home/alice" },
        { "domain", "alice.example" },
    };

    [Theory]
    [MemberData(nameof(Validators))]
    public void No_hostile_value_is_accepted(string validator, string valid)
    {
        Assert.Equal(valid, Judge(validator, valid));
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CPVENDOR_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261201;
        var runs = int.TryParse(Environment.GetEnvironmentVariable("CPVENDOR_FUZZ_RUNS"), CultureInfo.InvariantCulture, out var r) ? r : 3000;
        var random = new Random(seed + (validator.Length * 7919) + validator[0]);
        var refused = 0;
        for (var i = 0; i < runs; i++)
        {
            var input = Mutate(random, valid);
            string? accepted;
            try
            {
                accepted = Judge(validator, input);
            }
            catch (CpvendorException e)
            {
                Assert.Equal(2, e.ExitCode);
                Assert.DoesNotContain('\n', e.Message);
                refused++;
                continue;
            }

            Assert.True(IsSafe(validator, accepted), $"{validator} accepted {Escape(input)} as {Escape(accepted)} (seed {seed}, case {i})");
        }

        // The mutations are hostile: nearly all of them must have been refused.
        Assert.True(refused > runs / 2, $"{validator}: only {refused} of {runs} hostile values refused");
    }

    [Theory]
    [InlineData("account", "alice\n")]
    [InlineData("login", "boss\n")]
    [InlineData("package", "Gold\n")]
    [InlineData("dbuser", "alice_wp\n")]
    [InlineData("email", "a@example.com\n")]
    [InlineData("locale", "EN_us\n")]
    [InlineData("path", "/home/alice\n")]
    [InlineData("domain", "alice.example\n")]
    [InlineData("account", "аlice")]
    [InlineData("login", "b\u202eoss")]
    [InlineData("package", "-Gold")]
    [InlineData("email", "-a@example.com")]
    [InlineData("domain", "alice\u202e.example")]
    public void A_final_newline_or_an_invisible_character_is_refused(string validator, string input) =>
        Assert.Equal(2, Assert.Throws<CpvendorException>(() => Judge(validator, input)).ExitCode);

    private static string? Judge(string validator, string input) => validator switch
    {
        "account" => Names.Account(input),
        "login" => Names.Login(input, "name"),
        "package" => Names.Package(input),
        "dbuser" => Names.DbUser(input),
        "email" => Names.Email(input),
        "locale" => Names.Locale(input),
        "path" => Names.AbsolutePath(input, "path"),
        "home" => PanelPaths.Home(input),
        "domain" => DomainNames.Normalize(input),
        _ => throw new ArgumentOutOfRangeException(nameof(validator)),
    };

    /// <summary>Printable ASCII only, no leading '-', bounded; spaces only inside a package name.</summary>
    private static bool IsSafe(string validator, string? value)
    {
        if (value is null || value.Length == 0 || value.Length > 4096 || value[0] == '-')
            return false;
        var spaces = validator == "package";
        if (!value.All(c => c is > ' ' and <= '~' || (spaces && c == ' ')))
            return false;
        return validator switch
        {
            "domain" => value.Length <= 253 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'),
            "account" => value.Length <= 32,
            "login" or "package" => value.Length <= 64,
            "dbuser" => value.Length <= 63 && !Names.ServerAccounts.Contains(value),
            "email" => value.Length <= 254,
            _ => true,
        };
    }

    private static string Mutate(Random random, string valid)
    {
        var value = new StringBuilder(valid);
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            switch (random.Next(6))
            {
                case 0:
                    value.Append(Hostile[random.Next(Hostile.Length)]);
                    break;
                case 1:
                    value.Insert(0, Hostile[random.Next(Hostile.Length)]);
                    break;
                case 2:
                    value.Insert(random.Next(value.Length + 1), Hostile[random.Next(Hostile.Length)]);
                    break;
                case 3:
                    value[random.Next(value.Length)] = Hostile[random.Next(Hostile.Length)][0];
                    break;
                case 4:
                    value.Append(valid[random.Next(valid.Length)], 40 + random.Next(5000));
                    break;
                default:
                    value.Insert(random.Next(value.Length + 1), (char)random.Next(0, 0x3000));
                    break;
            }
        }

        return value.ToString();
    }

    private static string Escape(string? value) =>
        value is null ? "null" : string.Concat(value.Take(100).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
}
