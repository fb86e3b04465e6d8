using System.CommandLine;
using System.Globalization;
using System.Text;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Cli.SignIn;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>login</c> and <c>logout</c>: a session for the CLI, through the same sign-in (lockout, custody) as the API.</summary>
internal static class LoginCommandLine
{
    public static Command Login()
    {
        var user = new Argument<string>("user") { Description = "User name" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var print = new Option<bool>("--print-token") { Description = $"Print the token (for ${CliSignIn.TokenVariable}) instead of saving it in the session file" };
        var command = new Command("login", $"Sign in; the session is saved in a file only you may read ({TokenFile.Variable}, default ~/.config/evidencevault/session)") { user, stdin, print };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var password = parse.GetValue(stdin) ? await Console.In.ReadLineAsync(ct) : Prompt($"Password for {parse.GetValue(user)}: ");
            if (string.IsNullOrEmpty(password))
            {
                throw new FormatException("No password was given (--password-stdin reads the first line of standard input).");
            }

            var signedIn = await services.GetRequiredService<IMediator>().Send(new SignInCommand(parse.GetValue(user)!, password, $"cli:{Environment.UserName}@{Environment.MachineName}"), ct);
            await Console.Error.WriteLineAsync(signedIn.Notice);
            var until = signedIn.ExpiresAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            if (parse.GetValue(print))
            {
                Console.WriteLine(signedIn.Token);
                await Console.Error.WriteLineAsync($"Signed in as {signedIn.User} until {until} (idle {signedIn.IdleTimeout.TotalMinutes:0} min).");
            }
            else
            {
                var file = TokenFile.Write(signedIn.Token);
                Console.WriteLine($"Signed in as {signedIn.User} until {until} (idle {signedIn.IdleTimeout.TotalMinutes:0} min); session saved in {file}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Logout()
    {
        var command = new Command("logout", "End the saved session (or the one in $EVIDENCEVAULT_TOKEN) and remove the session file");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var ended = CliSignIn.Credential() is { Kind: CredentialKind.BearerToken } credential
                && (await mediator.Send(new AuthenticateCommand(credential.Kind, credential.Secret), ct)).SessionId is { } session
                && await mediator.Send(new SignOutCommand(session), ct);
            TokenFile.Delete();
            Console.WriteLine(ended ? "Signed out." : "No live session; the session file is removed.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reads a password from the terminal without echoing it; refuses when standard input is not a terminal.</summary>
    private static string Prompt(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            throw new FormatException("Standard input is not a terminal; pass --password-stdin to read the password from it.");
        }

        Console.Error.Write(prompt);
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
