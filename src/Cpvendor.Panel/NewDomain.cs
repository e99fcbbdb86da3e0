namespace Cpvendor.Panel;

/// <summary>A domain to add to an account; defaults: document root HOME/NAME, the panel's PHP and handler.</summary>
public sealed record NewDomain(string Name, string Owner, string? DocumentRoot = null, string? PhpVersionId = null, string? Handler = null);
