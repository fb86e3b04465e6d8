using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>The sign-in policy and the system-use notice shown on sign-in.</summary>
public sealed record SignInSettings(SignInPolicy Policy, string Notice)
{
    /// <summary>Shown before and on sign-in: use is for official duties only, and is recorded.</summary>
    public const string DefaultNotice =
        "本系统为行政执法全过程记录系统，仅限授权人员因公使用。所有访问和操作均被记录在案并可追溯；未经授权的访问或使用将依法追究责任。" +
        " This is an official law-enforcement recording system for authorised use only. Every access and action is recorded " +
        "and traceable; unauthorised access or use may lead to disciplinary and legal action.";

    /// <summary>Told to whoever tries to authenticate against a catalog without users.</summary>
    public const string NoUsersHint =
        "This catalog has no users yet, so nobody can sign in. Create the first administrator with the CLI: " +
        "`evidencevault users add <name> --display-name <N> --role administrator`, then " +
        "`evidencevault users set-password <name> --password-stdin` (the first administrator's password needs no sign-in), then `evidencevault login <name>`.";

    public static readonly SignInSettings Default = new(SignInPolicy.Default, DefaultNotice);
}
