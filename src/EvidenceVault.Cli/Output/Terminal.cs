using Spectre.Console;

namespace EvidenceVault.Cli.Output;

/// <summary>The console for human-readable output; wide when redirected so logs keep whole rows.</summary>
internal static class Terminal
{
    private const int RedirectedWidth = 200;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
