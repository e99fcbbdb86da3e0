namespace Cpvendor.Conformance;

/// <summary>
/// What <c>cpvendor check</c> was asked to judge. <see cref="AsUsers"/> are existing UNIX users
/// that are end users of the panel (not administrators); the end-user checks run the scripts as
/// each of them. A call slower than <see cref="SlowCall"/> is a warning; one that outlives
/// <see cref="Timeout"/> is killed and fails.
/// </summary>
public sealed record CheckerOptions(string IniPath)
{
    public const string DefaultIni = "/opt/cpvendor/etc/integration.ini";

    public IReadOnlyList<string> AsUsers { get; init; } = [];

    /// <summary>
    /// Existing UNIX users that must see everything: administrators' accounts and trusted service
    /// accounts such as imunify360 (docs/contract.md section 1).
    /// </summary>
    public IReadOnlyList<string> AsAdmins { get; init; } = [];

    /// <summary>When not empty, only these checks run; the others are skipped as not asked for.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>A ui_user_info token the vendor's panel issued, judged for the answer it must give.</summary>
    public string? UiToken { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan SlowCall { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Run as root programs a user other than root can change (<c>--allow-untrusted</c>).</summary>
    public bool AllowUntrusted { get; init; }
}
