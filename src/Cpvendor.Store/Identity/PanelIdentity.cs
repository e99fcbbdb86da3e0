namespace Cpvendor.Store.Identity;

/// <summary>
/// One role of one identity as ui_user_info reports it: <paramref name="Type"/> is <c>admin</c>,
/// <c>reseller</c> or <c>user</c>; <paramref name="IdentityId"/> the store's stable id of the entity
/// (never given to another entity, even of the same name); <paramref name="UserId"/> what
/// ui_user_info reports as userId (an account's uid, an administrator's UNIX uid, a reseller's id).
/// <paramref name="UnixUser"/> is an administrator's UNIX user, resolved by the caller when the
/// store has no uid for it yet.
/// </summary>
public sealed record PanelIdentity(string Type, string Name, string IdentityId, long? UserId, string? LocaleCode, string? UnixUser);
