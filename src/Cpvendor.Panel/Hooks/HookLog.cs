using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Panel.Hooks;

/// <summary>Appends each hook run and its output to the root-only hook log.</summary>
internal static class HookLog
{
    public static void Write(InstallConfig config, string line, string? output = null)
    {
        try
        {
            var folder = Path.GetDirectoryName(config.HookLog)!;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                File.SetUnixFileMode(folder, FileModes.PrivateFolder);
            }

            var text = new StringBuilder();
            text.Append(config.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ")).Append(' ').Append(line).Append('\n');
            if (!string.IsNullOrEmpty(output))
            {
                foreach (var outputLine in output.TrimEnd().Split('\n'))
                    text.Append("    ").Append(outputLine).Append('\n');
            }

            var options = new FileStreamOptions
            {
                Mode = FileMode.Append,
                Access = FileAccess.Write,
                UnixCreateMode = FileModes.PrivateFile,
            };
            using var stream = new FileStream(config.HookLog, options);
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }
        catch (IOException)
        {
            // The log is a help for operators; a full disk must not fail the delivery itself.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
