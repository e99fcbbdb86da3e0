namespace Cpvendor.Panel;

/// <summary>
/// An account to create with its main domain. The UNIX account is the panel's to create; when
/// <see cref="Uid"/> is null it is that account's uid. <see cref="Package"/> names a package of <see cref="Owner"/>.
/// </summary>
public sealed record NewUser(
    string Name,
    string Owner,
    string Domain,
    uint? Uid = null,
    string? Package = null,
    string? Home = null,
    string? Email = null,
    string? Locale = null);
