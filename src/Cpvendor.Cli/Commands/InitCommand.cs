using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Store;
using Cpvendor.Store.Sample;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor init --store FILE [--sample N] [--seed S]</c>: a new panel store, as root only in a
/// folder root alone can change (docs/security.md, "Paths root trusts"; exit 6 otherwise).
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var store = new Option<FileInfo>("--store") { Description = "Path of the new SQLite panel store", Required = true };
        var sample = new Option<int>("--sample") { Description = "Fill it with a realistic sample panel of N accounts" };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample panel (same seed, same panel)", DefaultValueFactory = _ => 1 };
        var command = new Command("init", "Create a panel store, empty or with a sample panel.") { store, sample, seed };
        command.Validators.Add(result =>
        {
            if (result.GetValue(sample) < 0)
                result.AddError("--sample must be 0 or more");
        });
        command.SetAction(result =>
        {
            var path = result.GetValue(store)!.FullName;

            // As root: SQLite makes the store and its journals in that folder, and the secret goes
            // beside it, so a folder a user could change would let them plant links for root to follow.
            if (Core.Native.Libc.GetEuid() == 0)
                Core.Paths.TrustedPath.Require(Core.Paths.TrustedPath.NearestExisting(Path.GetDirectoryName(path) ?? "/"), "the store's folder");
            var users = result.GetValue(sample);
            var created = StoreInitializer.Create(path, users, result.GetValue(seed));
            result.Out().WriteLine(users > 0
                ? $"created {path} with a sample panel of {users} accounts ({created.Domains} domains, {created.Resellers} resellers)"
                : $"created empty store {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
