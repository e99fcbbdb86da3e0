using System.Text.RegularExpressions;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Panel.Validation;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Changes what panel_info reports (name, version, login URL) and the domain defaults.</summary>
    public ChangeResult UpdatePanel(PanelUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Name is { } n && (n.Length is 0 or > 64 || n.Any(char.IsControl)))
            throw CpvendorException.Invalid("the panel name needs 1-64 printable characters");
        if (update.Version is { } v && (v.Length is 0 or > 32 || v.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
            throw CpvendorException.Invalid("the panel version needs 1-32 printable characters without spaces");
        if (update.UserLoginUrl is { } url && !(Uri.TryCreate(url.Replace("{domain}", "example.com", StringComparison.Ordinal), UriKind.Absolute, out var parsed)
            && parsed.Scheme is "https" or "http"))
            throw CpvendorException.Invalid($"invalid login URL '{Names.Show(url)}': give an http(s) URL, optionally with {{domain}}");
        if (update.DefaultHandler is not (null or "fpm" or "cgi" or "lsapi"))
            throw CpvendorException.Invalid($"invalid handler '{Names.Show(update.DefaultHandler)}': use fpm, cgi or lsapi");

        return Change(c =>
        {
            var current = c.Writer.Settings();
            if (update.DefaultPhp is { } php && !c.Writer.PhpVersionExists(php))
                throw CpvendorException.Invalid($"unknown PHP version '{Names.Show(php)}': add it with 'cpvendor settings php add'");
            c.Writer.SetPanel(
                update.Name ?? current.Name,
                update.Version ?? current.Version,
                update.ClearUserLoginUrl ? null : update.UserLoginUrl ?? current.UserLoginUrl,
                update.DefaultPhp ?? current.DefaultPhp,
                update.DefaultHandler ?? current.DefaultHandler,
                current.AllowDuplicateUids);
            c.Affect(PanelEffect.PanelInfo);
            if (update.DefaultPhp is not null || update.DefaultHandler is not null)
                c.Affect(PanelEffect.AllUsers);
            if (update.DefaultPhp is not null)
                c.Affect(PanelEffect.NativePhp);
            return "updated the panel settings";
        });
    }

    /// <summary>Declares which CloudLinux features the panel drives (panel_info's supported_cl_features).</summary>
    public ChangeResult SetFeatures(IReadOnlyDictionary<string, bool> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var name in features.Keys)
        {
            if (!Grammar.ClFeatures.Contains(name))
                throw CpvendorException.Invalid($"unknown feature '{Names.Show(name)}': use {string.Join(", ", Grammar.ClFeatures)}");
        }

        return Change(c =>
        {
            foreach (var (name, enabled) in features)
                c.Writer.SetFeature(name, enabled);
            c.Affect(PanelEffect.PanelInfo);
            return $"set {features.Count} feature(s)";
        });
    }

    /// <summary>
    /// Adds a PHP version the php script lists and domains may use. One marked native becomes the
    /// panel's one native PHP: the newest explicit choice wins, so any other loses the mark (and
    /// native.conf follows, docs/lifecycle.md "PHP versions").
    /// </summary>
    public ChangeResult AddPhp(PhpVersionRow php)
    {
        ArgumentNullException.ThrowIfNull(php);
        if (!Regex.IsMatch(php.Identifier, @"^[a-z][a-z0-9]*-php[0-9]{2,3}\z"))
            throw CpvendorException.Invalid($"invalid PHP identifier '{Names.Show(php.Identifier)}': use a name like alt-php82 or ea-php82");
        if (!Regex.IsMatch(php.Version, @"^[0-9]+\.[0-9]+\z"))
            throw CpvendorException.Invalid($"invalid PHP version '{Names.Show(php.Version)}': use a version like 8.2");
        foreach (var (path, what) in new[] { (php.ModulesDir, "modules dir"), (php.Dir, "dir"), (php.Bin, "binary"), (php.Ini, "php.ini"), (php.IniScanDir, "ini scan dir") })
            Names.AbsolutePath(path, "PHP " + what);
        return Change(c =>
        {
            if (c.Writer.PhpVersionExists(php.Identifier))
                throw CpvendorException.Invalid($"PHP version '{php.Identifier}' already exists");
            var unmarked = php.IsNative == true ? c.Writer.ClearNativePhp() : 0;
            c.Writer.Insert(php);
            c.Affect(PanelEffect.NativePhp);
            return unmarked > 0
                ? $"added PHP version {php.Identifier}, now the native PHP ({unmarked} other(s) no longer native)"
                : $"added PHP version {php.Identifier}";
        });
    }

    /// <summary>Removes a PHP version no domain uses and that is not the default.</summary>
    public ChangeResult DeletePhp(string identifier) => Change(c =>
    {
        if (!c.Writer.PhpVersionExists(identifier))
            throw CpvendorException.Invalid($"no PHP version '{Names.Show(identifier)}'");
        var domains = c.Writer.DomainsUsingPhp(identifier);
        if (domains > 0 || c.Writer.IsDefaultPhp(identifier))
            throw CpvendorException.Invalid($"PHP version '{identifier}' is in use ({domains} domain(s){(domains == 0 ? ", the default" : "")})");
        c.Writer.DeletePhp(identifier);
        c.Affect(PanelEffect.NativePhp);
        return $"deleted PHP version {identifier}";
    });

    /// <summary>
    /// Sets (or with null removes) the db_info credential, kept in a root-only file beside the store,
    /// and renders root's db_info answer again with it, so the next call is answered from it.
    /// </summary>
    public string SetDbCredential(DbCredential? credential)
    {
        if (credential is null)
        {
            File.Delete(config.DbSecret);
            AnswerBookPublisher.PublishDbInfoNow(config);
            return "removed the db_info credential: db_info now answers mysql: null";
        }

        if (credential.Login.Length is 0 or > 80 || credential.Host.Length == 0 || credential.Port is < 1 or > 65535 || credential.Password.Length == 0)
            throw CpvendorException.Invalid("the credential needs a login, a password, a host and a port in 1..65535");
        credential.Write(config.DbSecret);
        AnswerBookPublisher.PublishDbInfoNow(config);
        return $"stored the db_info credential for {credential.Login}@{credential.Host}:{credential.Port} in {config.DbSecret} (0600)";
    }
}
