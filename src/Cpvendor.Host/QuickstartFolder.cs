using System.Security.Cryptography;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.Host;

/// <summary>
/// The folder quickstart works in. Quickstart runs as root and ends by running the installed
/// scripts as root, so a folder a user could change (one they made in /tmp before us, or one whose
/// <c>root</c> they could swap for a link to a tree of their own) would have root run their commands.
/// By default a new folder is made with <c>mkdir(2)</c> under a random name, which fails rather than
/// reuse anything; a folder given with <c>--dir</c> must be root's alone with every folder above it
/// (<see cref="TrustedPath"/>), and is created the same exclusive way when it does not exist.
/// </summary>
internal static class QuickstartFolder
{
    private const string Marker = ".cpvendor-quickstart";
    private const UnixFileMode Mode = (UnixFileMode)0b111_101_101; // end users (and the checker acting as them) must reach the install

    /// <summary>A folder no one had before: <c>/tmp/cpvendor-quickstart-RANDOM</c>, root's, 0755.</summary>
    public static string CreateFresh()
    {
        RequireAsRoot("/tmp", "the folder for quickstart's working folder", asParent: true);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var dir = "/tmp/cpvendor-quickstart-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            if (Libc.CreateDirectoryExclusive(dir, Mode))
                return Adopt(dir);
        }

        throw CpvendorException.Io("could not create a new folder under /tmp for quickstart");
    }

    /// <summary>
    /// A folder named by <c>--dir</c>: created when missing (its parent must be trusted), otherwise it
    /// must be trusted itself and empty or left by an earlier quickstart, whose contents are removed.
    /// </summary>
    public static string Prepare(string dir)
    {
        var parent = Path.GetDirectoryName(dir) ?? "/";
        RequireAsRoot(parent, "--dir's parent folder", asParent: true);
        if (Libc.CreateDirectoryExclusive(dir, Mode))
            return Adopt(dir);

        RequireAsRoot(dir, "--dir");
        if ((Libc.LinkStatus(dir)!.Value.Mode & Libc.TypeMask) != Libc.TypeDirectory)
            throw CpvendorException.Invalid($"{dir} is not a folder; choose another --dir");
        var entries = Directory.EnumerateFileSystemEntries(dir).ToList();
        if (entries.Count > 0)
        {
            if (!File.Exists(Path.Combine(dir, Marker)))
                throw CpvendorException.Invalid($"{dir} is not empty and was not made by quickstart; choose another --dir");

            // The folder is root's alone (checked above); what an earlier run left inside (account
            // folders among them) is removed through descriptors all the same.
            foreach (var entry in entries)
                DescriptorTree.Remove(entry);
        }

        return Adopt(dir);
    }

    private static string Adopt(string dir)
    {
        // mkdir's mode went through the umask; set it exactly, on the folder itself.
        Libc.SetOwnerAndModeNoFollow(dir, Mode, Libc.GetEuid() == 0 ? 0u : null, Libc.GetEuid() == 0 ? 0u : null, directory: true);
        RequireAsRoot(dir, "quickstart's folder");
        SecureFile.WriteAtomic(Path.Combine(dir, Marker), "made by cpvendor quickstart; emptied by the next one\n"u8, (UnixFileMode)0b110_100_100);
        return dir;
    }

    /// <summary>As root a folder must be root's alone; a quickstart run by another user works with that user's rights only.</summary>
    private static void RequireAsRoot(string path, string what, bool asParent = false)
    {
        if (Libc.GetEuid() != 0)
            return;
        if (asParent)
            TrustedPath.RequireAsParent(path, what);
        else
            TrustedPath.Require(path, what);
    }
}
