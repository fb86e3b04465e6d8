using EvidenceVault.Domain.Text;
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

    /// <summary>
    /// Free text for plain-text output: control and format characters (a right-to-left override, a zero-width
    /// space, a carriage return that would overwrite the line, a line feed that would forge a row) are written as
    /// <c>\u202E</c>. <paramref name="multiLine"/> keeps line feeds, for the CLI's own multi-line texts. JSON output
    /// does not need this.
    /// </summary>
    public static string Text(string text, bool multiLine = false) =>
        multiLine ? string.Join('\n', text.Split('\n').Select(HiddenCharacters.Escape)) : HiddenCharacters.Escape(text);
}
