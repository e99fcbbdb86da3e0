using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Tokens;
using Cpvendor.Panel.Validation;
using Cpvendor.Store;

namespace Cpvendor.Panel;

/// <summary>
/// ui_user_info (docs/contract.md section 3): the panel issues a token for a logged-in user and opens LVE
/// Manager with <c>?token=...</c>; LVE Manager, running as root, runs <c>cpvendor ui-user-info
/// TOKEN</c> and learns who the user is. Identity comes only from the token. Tokens are random
/// (256 bits), kept only as hashes in a root-only folder, expire, and anything doubtful fails closed.
/// </summary>
public static class UiTokens
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>Issues a token for a panel login (administrator, reseller or user). Root only.</summary>
    public static string Issue(InstallConfig config, string user, string? domain = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Libc.GetEuid() != 0)
            throw CpvendorException.Invalid("only root may issue ui tokens");
        var ttl = lifetime ?? DefaultLifetime;
        if (ttl <= TimeSpan.Zero || ttl > TimeSpan.FromDays(1))
            throw CpvendorException.Invalid("a token lives between 1 second and 1 day");
        var normalized = domain is null ? null : DomainNames.Normalize(domain);
        using (var store = PanelReader.Open(config.Store))
        {
            if (Describe(config, store, user, normalized ?? "") is null)
                throw CpvendorException.Invalid($"no administrator, reseller or user '{Names.Show(user)}'");
            if (normalized is not null && !store.Domains(name: normalized).Any(d => d.Value.Owner == user))
                throw CpvendorException.Invalid($"domain '{normalized}' does not belong to '{Names.Show(user)}'");
        }

        var now = config.Time.GetUtcNow().ToUnixTimeSeconds();
        var token = TokenFiles.NewToken();
        TokenFiles.Save(config, token, new TokenRecord(user, normalized, now + (long)Math.Ceiling(ttl.TotalSeconds)));
        TokenFiles.Sweep(config, now);
        return token;
    }

    /// <summary>Who a token stands for, from the account's current role; null (fail closed) otherwise.</summary>
    public static UiUserInfo? Resolve(InstallConfig config, string token)
    {
        ArgumentNullException.ThrowIfNull(config);
        var record = TokenFiles.Find(config, token, config.Time.GetUtcNow().ToUnixTimeSeconds());
        if (record is null)
            return null;
        using var store = PanelReader.Open(config.Store);
        if (record.Domain is not null && !store.Domains(name: record.Domain).Any(d => d.Value.Owner == record.User))
            return null;
        return Describe(config, store, record.User, record.Domain ?? "");
    }

    private static UiUserInfo? Describe(InstallConfig config, PanelReader store, string name, string domain)
    {
        if (store.Admins(name: name).FirstOrDefault() is { } admin)
        {
            var uid = admin.UnixUser is { } unix && Libc.Account(unix) is { } account ? account.Uid : 0;
            return Info(config, name, uid, "admin", admin.LocaleCode, domain);
        }

        var user = store.Users(new UserFilter(Username: name)).FirstOrDefault();
        if (store.Resellers(name: name).FirstOrDefault() is { } reseller)
            return Info(config, name, reseller.Id ?? user?.Id ?? 0, "reseller", reseller.LocaleCode, domain);
        return user is null ? null : Info(config, name, user.Id, "user", user.LocaleCode, domain);
    }

    private static UiUserInfo Info(InstallConfig config, string name, long id, string type, string? locale, string domain) =>
        new(name, id, type, config.UiBaseUri, config.UiAssetsUri, Language(locale), domain);

    private static string Language(string? locale) =>
        locale is { Length: >= 2 } && char.IsAsciiLetter(locale[0]) && char.IsAsciiLetter(locale[1])
            ? locale[..2].ToLowerInvariant()
            : "en";
}
