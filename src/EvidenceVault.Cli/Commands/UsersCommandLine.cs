using System.CommandLine;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault users add|update|disable|list|show</c>: who may act, in which roles.</summary>
internal static class UsersCommandLine
{
    public static Command Create()
    {
        var command = new Command("users", "Users, roles and departments (the first user must be an administrator; from then on access is checked)");
        foreach (var sub in new[] { Add(), Update(), Disable(), List(), Show(), SetPassword() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Command Add()
    {
        var name = NameArgument();
        var display = new Option<string>("--display-name") { Description = "Name shown to people", Required = true };
        var department = new Option<string?>("--department") { Description = "Department (unit)" };
        var roles = RolesOption();
        roles.Required = true;
        var head = new Option<bool>("--department-head") { Description = "Heads the department: approves retrievals of its recordings" };
        var senior = new Option<bool>("--senior") { Description = "Agency leadership: approves release outside the agency" };
        var officer = new Option<string?>("--officer") { Description = "Officer number (警号): the user's own recordings" };
        var command = new Command("add", "Add a user") { name, display, department, roles, head, senior, officer, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new AddUserCommand(new User(
                UserName.Parse(parse.GetValue(name)!),
                parse.GetValue(display)!,
                parse.GetValue(department),
                ParseRoles(parse.GetValue(roles))!,
                parse.GetValue(head),
                parse.GetValue(senior),
                parse.GetValue(officer) is { } o ? OfficerId.Parse(o) : null,
                IsActive: true)),
            AccessDocuments.User,
            u => $"User {u.Name} ({u.DisplayName}) added.",
            ct)));
        return command;
    }

    private static Command Update()
    {
        var name = NameArgument();
        var display = new Option<string?>("--display-name") { Description = "Name shown to people" };
        var department = new Option<string?>("--department") { Description = "Department (unit)" };
        var roles = RolesOption();
        var head = new Option<bool?>("--department-head") { Description = "true or false" };
        var senior = new Option<bool?>("--senior") { Description = "true or false" };
        var officer = new Option<string?>("--officer") { Description = "Officer number (警号)" };
        var enable = new Option<bool>("--enable") { Description = "Re-enable a disabled user" };
        var command = new Command("update", "Change a user; options left out stay as they are") { name, display, department, roles, head, senior, officer, enable, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new UpdateUserCommand(
                UserName.Parse(parse.GetValue(name)!),
                parse.GetValue(display),
                parse.GetValue(department),
                ParseRoles(parse.GetValue(roles)),
                parse.GetValue(head),
                parse.GetValue(senior),
                parse.GetValue(officer) is { } o ? OfficerId.Parse(o) : null,
                parse.GetValue(enable)),
            AccessDocuments.User,
            u => $"User {u.Name} updated.",
            ct)));
        return command;
    }

    private static Command Disable()
    {
        var name = NameArgument();
        var reason = new Option<string?>("--reason") { Description = "Why (left the agency, transferred...)" };
        var command = new Command("disable", "Disable a user: every access, grants included, ends at once") { name, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new DisableUserCommand(UserName.Parse(parse.GetValue(name)!), parse.GetValue(reason)), AccessDocuments.User, u => $"User {u.Name} disabled.", ct)));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var users = await services.GetRequiredService<IMediator>().Send(new ListUsersQuery(), ct);
            CasesCommandLine.Print(
                parse,
                new UserList([.. users.Select(AccessDocuments.User)]),
                string.Join(Environment.NewLine, users.Select(u => $"{u.Name}  {u.DisplayName}  {u.Department ?? "-"}  {string.Join(',', u.Roles.Select(AccessControl.Name))}{(u.IsActive ? string.Empty : "  (disabled)")}")));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "Show one user") { name, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var user = await services.GetRequiredService<IMediator>().Send(new ShowUserQuery(UserName.Parse(parse.GetValue(name)!)), ct);
            Wire.Print(AccessDocuments.User(user));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SetPassword()
    {
        var name = NameArgument();
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input (never an argument: arguments show in ps and shell history)", Required = true };
        var current = new Option<bool>("--with-current") { Description = "Changing your own password without the administrator role: the first line is the current password, the second the new one" };
        var command = new Command("set-password", "Set a user's password (administrators for anyone; a user for themself with --with-current); ends the user's sessions") { name, stdin, current };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var currentPassword = parse.GetValue(current) ? ReadPasswordLine("the current password") : null;
            var user = await services.GetRequiredService<IMediator>().Send(new SetPasswordCommand(UserName.Parse(parse.GetValue(name)!), ReadPasswordLine("the new password"), currentPassword), ct);
            Console.WriteLine($"Password of {user} set; the user's open sessions have ended.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string ReadPasswordLine(string what) =>
        Console.In.ReadLine() is { Length: > 0 } line ? line : throw new FormatException($"Standard input ended before {what} (--password-stdin reads one line per password).");

    private static Argument<string> NameArgument() => new("name") { Description = "User name (what --actor names)" };

    private static Option<string[]> RolesOption() =>
        new("--role") { Description = "officer, archivist, reviewer or administrator (repeat for several)", AllowMultipleArgumentsPerToken = true };

    private static HashSet<Role>? ParseRoles(string[]? roles) => roles is null || roles.Length == 0
        ? null
        : [.. roles.Select(r => Enum.TryParse<Role>(r, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new FormatException($"'{r}' is not a role: officer, archivist, reviewer or administrator."))];
}
