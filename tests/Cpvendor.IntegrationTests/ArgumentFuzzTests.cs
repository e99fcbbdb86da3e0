using System.Globalization;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2 under random input: thousands of argument vectors per script, as root and as
/// an end user, each answered by exactly one valid envelope, nothing on stderr, exit 0, and never an
/// answer the caller may not have. Reproduce a failure with CPVENDOR_FUZZ_SEED (printed in the
/// message); CPVENDOR_FUZZ_RUNS sets the vectors per script as root (default 1500; an eighth of that
/// as the end user).
/// </summary>
public sealed class ArgumentFuzzTests(UsersInstall env) : IClassFixture<UsersInstall>
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CPVENDOR_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s)
        ? s
        : Random.Shared.Next();

    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("CPVENDOR_FUZZ_RUNS"), CultureInfo.InvariantCulture, out var r)
        ? r
        : 1500;

    public static TheoryData<string> Scripts => [.. Grammar.Scripts.Select(g => g.Script)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Random_arguments_as_root_always_get_one_envelope(string script) =>
        Fuzz(script, null, Runs, (args, envelope) =>
        {
            // Root may be refused nothing, and no input may make the engine fail.
            Assert.DoesNotContain(envelope.Result, new[] { "PermissionDenied", "InternalAPIError" });
            if (Grammar.Find(script)!.Options.Count == 0 && args.Length > 1)
                Assert.Equal("BadRequest", envelope.Result);
        });

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Random_arguments_as_an_end_user_never_reveal_anything(string script)
    {
        var own = env.Panel.DomainsOfUid(env.Alice.Uid).Select(d => d.Name).ToHashSet();
        Fuzz(script, env.Alice, Math.Max(Runs / 8, 1), (args, envelope) =>
        {
            Assert.NotEqual("InternalAPIError", envelope.Result);
            switch (script)
            {
                case "panel_info":
                    Assert.Equal(args.Length == 1 ? "ok" : "BadRequest", envelope.Result);
                    break;
                case "domains":
                    // An end user is never told that something does not exist.
                    Assert.NotEqual("NotFound", envelope.Result);
                    if (envelope.Result == "ok")
                        Assert.All(envelope.Data.EnumerateObject(), d => Assert.Contains(d.Name, own));
                    break;
                default:
                    Assert.Equal("PermissionDenied", envelope.Result);
                    break;
            }
        });
    }

    [Theory]
    [InlineData("users", "--username=", @"\xff\xfe")]
    [InlineData("users", "--fields=", @"id,\xc3")]
    [InlineData("domains", "-n", @"\xed\xa0\x80.com")]
    [InlineData("admins", "--name=", @"\xc0\xaf")]
    [InlineData("nosuch", "--x=", @"\xf8\x88\x80\x80\x80")]
    [InlineData("resellers", "--", @"\xe2\x82")]
    public void Bytes_that_are_not_utf8_get_one_envelope(string script, string flag, string escapedBytes)
    {
        // The bytes reach the binary unchanged through bash's printf, not through a .NET string.
        var command = $"exec \"$0\" cpapi {script} \"{flag}$(printf '{escapedBytes}')\"";
        foreach (var user in new[] { null, env.Alice })
        {
            var envelope = Envelope.Of(Run.Program("/bin/bash", ["-c", command, env.Install.Binary], user));
            Assert.NotEqual("InternalAPIError", envelope.Result);
        }
    }

    private void Fuzz(string script, RunAs? user, int runs, Action<string[], Envelope> check)
    {
        // Vectors are drawn in order from one seeded generator, then run two at a time.
        var salt = (7919 * Grammar.Scripts.ToList().FindIndex(g => g.Script == script)) + (user is null ? 0 : 104729);
        var fuzzer = new ArgumentFuzzer(Grammar.Find(script)!, unchecked(Seed + salt));
        var vectors = Enumerable.Range(0, runs).Select(_ => fuzzer.Next()).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(vectors, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(Environment.ProcessorCount, 2) }, (args, state) =>
        {
            var run = env.Install.Cpapi(user, args);
            try
            {
                check(args, Envelope.Of(run));
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                failures.Add($"cpapi {Describe(args)}\n{e.Message}");
                state.Stop();
            }
        });

        if (!failures.IsEmpty)
            Assert.Fail($"seed {Seed.ToString(CultureInfo.InvariantCulture)} (CPVENDOR_FUZZ_SEED), as {user?.Name ?? "root"}: {failures.First()}");
    }

    private static string Describe(string[] args) =>
        string.Join(' ', args.Select(a => JsonSerializer.Serialize(a.Length > 200 ? a[..200] + $"...({a.Length} chars)" : a)));
}
