using System.Diagnostics;

namespace Cpvendor.UnitTests.Ini;

/// <summary>Runs the real python3 as the reference implementation of configparser and shlex.</summary>
internal static class Python
{
    public static string Executable => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string Run(string code, string? stdin = null, params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(code);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONUTF8"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
