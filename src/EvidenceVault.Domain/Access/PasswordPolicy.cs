namespace EvidenceVault.Domain.Access;

/// <summary>
/// The minimum a password must meet. Length is what resists guessing (NIST SP 800-63B), so there are no
/// composition rules; a password equal to the user name is the first thing an attacker tries.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase, short enough that nobody posts megabytes at the KDF.</summary>
    public const int MaximumLength = 1024;

    /// <summary>Throws an <see cref="AccessRuleException"/> saying what the password lacks; never echoes it.</summary>
    public static void EnsureAcceptable(UserName user, string password)
    {
        // Count characters as people see them (a CJK passphrase counts per character, not per UTF-16 unit).
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            throw new AccessRuleException($"The password for {user} is too short: it needs at least {MinimumLength} characters, it has {length}.");
        }

        if (length > MaximumLength)
        {
            throw new AccessRuleException($"The password for {user} is too long: at most {MaximumLength} characters.");
        }

        if (string.Equals(password.Trim(), user.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccessRuleException($"The password for {user} must not be the user name.");
        }
    }
}
