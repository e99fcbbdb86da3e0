using System.Globalization;
using System.Text.Json;

namespace Cpvendor.Bench;

/// <summary>
/// What the filtered calls name, taken from the sample panel's own answers: the sample account's
/// owner and package, the first reseller with an id, the first administrator.
/// </summary>
internal sealed record FilterSample(string Owner, string PackageName, string PackageOwner, string Reseller, string ResellerId, string Admin)
{
    public static FilterSample Of(Installation install, string username)
    {
        using var user = Data(install, "users", $"--username={username}");
        var account = user.RootElement[0];
        var package = account.GetProperty("package");
        if (package.ValueKind != JsonValueKind.Object)
        {
            using var packages = Data(install, "packages");
            package = packages.RootElement[0].Clone();
        }

        using var resellers = Data(install, "resellers");
        var reseller = resellers.RootElement.EnumerateArray().First(r => r.GetProperty("id").ValueKind == JsonValueKind.Number);
        using var admins = Data(install, "admins");
        return new FilterSample(
            account.GetProperty("owner").GetString()!,
            package.GetProperty("name").GetString()!,
            package.GetProperty("owner").GetString()!,
            reseller.GetProperty("name").GetString()!,
            reseller.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
            admins.RootElement[0].GetProperty("name").GetString()!);
    }

    private static JsonDocument Data(Installation install, params string[] args)
    {
        using var command = new Command(args[0], install.Installed, ["cpapi", .. args]);
        return JsonDocument.Parse(PeerBaseline.Data(ProcessTimer.Output(command)).ToArray());
    }
}
