using Cpvendor.Core.Native;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// What the file system of the per-user answers folder keeps on a file, found once per publish with
/// one probe file: POSIX ACLs (an account's answers readable by it alone without a private group,
/// <see cref="AnswerFileAccess"/>) and user attributes (the key of sealed account answers,
/// <see cref="AccountKeys"/>; without them every uid gets a file of its own).
/// </summary>
internal readonly record struct FolderFeatures(bool Acl, bool UserAttributes)
{
    public static FolderFeatures Probe(string folder)
    {
        var probe = Path.Combine(folder, $".probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead }))
            {
            }

            return new(Libc.GrantUserRead(probe, 65534), Libc.SetLinkAttribute(probe, SealedAccounts.KeyAttribute, new byte[SealedBucket.KeyLength]));
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
