namespace Cpvendor.Sources.Php;

/// <summary>
/// A domain whose PHP cannot be mapped onto a build of this host: it is served with the panel's
/// default PHP and listed, as one line, with the other records of the read that could not be
/// mapped (<c>sync --status</c> and the doctor's "Panel records all map onto this host").
/// </summary>
internal sealed record UnmappedPhp(string Record, string Wanted, string Why, string? Default)
{
    public string Line =>
        $"{Record}: PHP {Wanted} {Why}; " + (Default is null ? "there is no default PHP, so it has no PHP block" : $"the default PHP ({Default}) is served");
}
