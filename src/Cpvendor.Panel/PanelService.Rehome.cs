using Cpvendor.Core;
using Cpvendor.Panel.Validation;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>
    /// Moves an account's home directory and nothing else. docs/contract.md section 5 names the
    /// event "user renamed (name or home dir)": CloudLinux hears it as
    /// <c>post_modify_user.py modify -u U --new-username U</c>, the account's own name given as the
    /// new one, after the store shows the new home. The files are the panel's to move first.
    /// </summary>
    public ChangeResult RehomeUser(string name, string home)
    {
        var newHome = PanelPaths.Home(home);
        return Change(c =>
        {
            var uid = Uid(c, name);
            if (c.Writer.UserHasHome(name, newHome))
                throw CpvendorException.Invalid($"user '{name}' already lives in {newHome}");
            EnsureHomeFree(c, newHome, uid, except: name);
            c.Writer.SetUserHome(name, newHome);
            c.Affect(PanelEffect.User(uid));
            c.Emit(HookEvent.UserRenamed(name, name, uid));
            return $"moved the home of user {name} to {newHome}";
        });
    }
}
