using System.CommandLine;
using Cpvendor.Core;

namespace Cpvendor.Cli;

/// <summary>
/// Builds the root command from the listed commands and runs it with injected writers. Every command
/// line and every <c>batch</c> line is parsed here, with response files off: an argument that starts
/// with <c>@</c> is that argument, never the content of a file root can read (docs/security.md).
/// </summary>
internal static class Cli
{
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static int Invoke(string[] args, TextWriter output, TextWriter error, IReadOnlyList<Command> commands)
    {
        var root = new RootCommand("cpvendor: the control panel side of the CloudLinux OS integration.");
        foreach (var command in commands)
            root.Subcommands.Add(command);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args, Parsing).Invoke(configuration);
        }
        catch (CpvendorException e)
        {
            error.WriteLine($"cpvendor: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cpvendor: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;
}
