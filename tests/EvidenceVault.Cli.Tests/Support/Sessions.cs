namespace EvidenceVault.Cli.Tests.Support;

/// <summary>
/// Signs users in through the real CLI, once each, and hands out their session tokens: the administrator sets each
/// password (the first administrator's is the catalog's bootstrap), then <c>login --password-stdin --print-token</c>.
/// Names that are not users (or while the catalog has none) act through <c>--actor</c>, as an unproven claim.
/// </summary>
public sealed class Sessions(string data, IReadOnlyDictionary<string, string>? environment = null, params string[] prefix)
{
    public const string Administrator = "admin";
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string PasswordOf(string user) => $"{user}-correct-horse-battery";

    /// <summary>Runs the command as <paramref name="actor"/> (null: nobody named).</summary>
    public async Task<CliResult> RunAsync(string? actor, params string[] args)
    {
        var token = actor is null ? null : await TokenAsync(actor);
        return await CliRunner.RunAsync(data, With(token), token is null && actor is not null ? [.. prefix, "--actor", actor, .. args] : [.. prefix, .. args]);
    }

    /// <summary>The user's token, or null when the name cannot sign in (no users yet, or not a user).</summary>
    public async Task<string?> TokenAsync(string user)
    {
        await _gate.WaitAsync();
        try
        {
            return await SignedInAsync(user);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a token (after a test ended the session or changed the password).</summary>
    public void Forget(string user) => _tokens.Remove(user);

    /// <summary>The test's environment plus the token, when there is one.</summary>
    public IReadOnlyDictionary<string, string> With(string? token)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (token is not null)
        {
            env["EVIDENCEVAULT_TOKEN"] = token;
        }

        return env;
    }

    private async Task<string?> SignedInAsync(string user)
    {
        if (_tokens.TryGetValue(user, out var known))
        {
            return known;
        }

        var setter = user == Administrator ? With(null) : With(await SignedInAsync(Administrator));
        var set = await CliRunner.RunWithInputAsync(data, setter, PasswordOf(user) + "\n", [.. prefix, "users", "set-password", user, "--password-stdin"]);
        if (set.ExitCode != 0)
        {
            return null;
        }

        var login = await CliRunner.RunWithInputAsync(data, With(null), PasswordOf(user) + "\n", [.. prefix, "login", user, "--password-stdin", "--print-token"]);
        Assert.True(login.ExitCode == 0, $"login {user}: exit {login.ExitCode}\n{login.StandardError}");
        return _tokens[user] = login.StandardOutput.Trim();
    }
}
