using System.Globalization;

namespace Cpvendor.Panel;

/// <summary>
/// One hook call of docs/contract.md section 5: the script, its exact argument vector, and the keys that
/// order it. Two events sharing a key are delivered in the order they were stored, and a later one
/// waits while an earlier one is still pending, so CloudLinux never hears of a rename before the
/// creation. Keys name what the event concerns: <c>user:NAME</c>, <c>uid:N</c>, <c>admin:NAME</c>,
/// <c>package:OWNER</c>.
/// </summary>
public sealed record HookEvent(HookPhase Phase, string Script, IReadOnlyList<string> Arguments, IReadOnlyList<string> Keys)
{
    public const string ModifyAdmin = "post_modify_admin.py";
    public const string ModifyUser = "post_modify_user.py";
    public const string PreModifyUser = "pre_modify_user.py";
    public const string ModifyDomain = "post_modify_domain.py";
    public const string ModifyPackage = "post_modify_package.py";

    /// <summary>The command line as shown in logs and listings (the hook itself gets an argument vector).</summary>
    public string CommandLine => Script + " " + string.Join(' ', Arguments);

    /// <summary><c>post_modify_admin.py create --name ADMIN</c>; the flag is configurable (docs/contract.md section 5).</summary>
    public static HookEvent AdminCreated(string name, string nameFlag = "--name") =>
        Post(ModifyAdmin, ["create", nameFlag, name], [Admin(name)]);

    public static HookEvent AdminDeleted(string name, string nameFlag = "--name") =>
        Post(ModifyAdmin, ["delete", nameFlag, name], [Admin(name)]);

    public static HookEvent UserCreated(string username, string owner, uint uid) =>
        Post(ModifyUser, ["create", "--username", username, "--owner", owner], [User(username), Uid(uid)]);

    public static HookEvent UserRenamed(string username, string newUsername, uint uid) =>
        Post(ModifyUser, ["modify", "-u", username, "--new-username", newUsername], [User(username), User(newUsername), Uid(uid)]);

    public static HookEvent UserMoved(string username, string newOwner, uint uid) =>
        Post(ModifyUser, ["modify", "-u", username, "--new-owner", newOwner], [User(username), Uid(uid)]);

    public static HookEvent UserRestored(string username, uint uid) =>
        Post(ModifyUser, ["restore", "--username", username], [User(username), Uid(uid)]);

    /// <summary>The one pre hook: run before anything of the account is removed.</summary>
    public static HookEvent UserDeleting(string username, uint uid) =>
        new(HookPhase.Pre, PreModifyUser, ["delete", "--username", username], [User(username), Uid(uid)]);

    public static HookEvent UserDeleted(string username, uint uid) =>
        Post(ModifyUser, ["delete", "--username", username], [User(username), Uid(uid)]);

    public static HookEvent DomainRenamed(string owner, uint uid, string domain, string newDomain, bool includeSubdomains) =>
        Post(
            ModifyDomain,
            includeSubdomains
                ? ["modify", "-u", owner, "--domain", domain, "--new-domain", newDomain, "--include-subdomains"]
                : ["modify", "-u", owner, "--domain", domain, "--new-domain", newDomain],
            [User(owner), Uid(uid)]);

    public static HookEvent PackageRenamed(string owner, string name, string newName) =>
        Post(ModifyPackage, ["rename", "--name", name, "--new-name", newName], [Package(owner)]);

    private static HookEvent Post(string script, string[] arguments, string[] keys) => new(HookPhase.Post, script, arguments, keys);

    private static string Admin(string name) => "admin:" + name;

    private static string User(string name) => "user:" + name;

    private static string Uid(uint uid) => "uid:" + uid.ToString(CultureInfo.InvariantCulture);

    private static string Package(string owner) => "package:" + owner;
}
