using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Tokens;
using Cpvendor.Panel.Validation;
using Cpvendor.Store;
using Cpvendor.Store.Identity;

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
    public static string Issue(InstallConfig config, string user, string? domain = null, TimeSpan? lifetime = null) =>
        IssueFor(config, user, type: null, domain, lifetime);

    /// <summary>
    /// Issues a token bound to one identity in one role (docs/contract.md section 3): its type, its
    /// uid and the store's stable id of the entity, so that a name freed and taken again later does
    /// not inherit it. <paramref name="type"/> (<c>admin</c>, <c>reseller</c>, <c>user</c>) is needed
    /// only when the name has two roles. Root only.
    /// </summary>
    public static string IssueFor(InstallConfig config, string user, string? type, string? domain = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Libc.GetEuid() != 0)
            throw CpvendorException.Invalid("only root may issue ui tokens");
        if (type is not (null or "admin" or "reseller" or "user"))
            throw CpvendorException.Invalid($"invalid type '{Names.Show(type)}': use admin, reseller or user");
        var ttl = lifetime ?? DefaultLifetime;
        if (ttl <= TimeSpan.Zero || ttl > TimeSpan.FromDays(1))
            throw CpvendorException.Invalid("a token lives between 1 second and 1 day");
        var normalized = domain is null ? null : DomainNames.Normalize(domain);
        PanelIdentity identity;
        long userId;
        using (var store = PanelReader.Open(config.Store))
        {
            var roles = store.IdentitiesNamed(user).Where(i => type is null || i.Type == type).ToList();
            if (roles.Count == 0)
                throw CpvendorException.Invalid(type is null
                    ? $"no administrator, reseller or user '{Names.Show(user)}'"
                    : $"no {Role(type)} '{Names.Show(user)}'");
            if (roles.Count > 1)
                throw CpvendorException.Invalid($"'{Names.Show(user)}' is {string.Join(" and ", roles.Select(r => Role(r.Type)))}: say which with --type {string.Join('|', roles.Select(r => r.Type))}");
            identity = roles[0];
            userId = UserId(identity);
            if (normalized is not null && !store.Domains(name: normalized).Any(d => d.Value.Owner == user))
                throw CpvendorException.Invalid($"domain '{normalized}' does not belong to '{Names.Show(user)}'");
        }

        var now = config.Time.GetUtcNow().ToUnixTimeSeconds();
        var token = TokenFiles.NewToken();
        TokenFiles.Save(config, token, new TokenRecord(user, normalized, now + (long)Math.Ceiling(ttl.TotalSeconds))
        {
            Type = identity.Type,
            IdentityId = identity.IdentityId,
            Uid = userId,
        });
        TokenFiles.Sweep(config, now);
        return token;
    }

    /// <summary>
    /// Who a token stands for: the very entity it was issued for, in the same role and with the same
    /// uid, under its current name; null (fail closed) otherwise, and for tokens that name no
    /// identity (the format before identities were bound).
    /// </summary>
    public static UiUserInfo? Resolve(InstallConfig config, string token)
    {
        ArgumentNullException.ThrowIfNull(config);
        var record = TokenFiles.Find(config, token, config.Time.GetUtcNow().ToUnixTimeSeconds());
        if (record is not { Type: { } type, IdentityId: { } id, Uid: { } uid })
            return null;
        using var store = PanelReader.Open(config.Store);
        if (store.IdentityById(type, id) is not { } identity || UserId(identity) != uid)
            return null;
        if (record.Domain is not null && !store.Domains(name: record.Domain).Any(d => d.Value.Owner == identity.Name))
            return null;
        return Info(config, identity.Name, uid, identity.Type, identity.LocaleCode, record.Domain ?? "");
    }

    private static long UserId(PanelIdentity identity) =>
        identity.UserId
        ?? (identity.UnixUser is { } unix && Libc.Account(unix) is { } account ? account.Uid : 0);

    private static string Role(string type) => type switch
    {
        "admin" => "an administrator",
        "reseller" => "a reseller",
        _ => "an account",
    };

    private static UiUserInfo Info(InstallConfig config, string name, long id, string type, string? locale, string domain) =>
        new(name, id, type, config.UiBaseUri, config.UiAssetsUri, Language(locale), domain);

    private static string Language(string? locale) =>
        locale is { Length: >= 2 } && char.IsAsciiLetter(locale[0]) && char.IsAsciiLetter(locale[1])
            ? locale[..2].ToLowerInvariant()
            : "en";
}
