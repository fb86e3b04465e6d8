namespace EvidenceVault.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>At least one file could not be read or stored (the rest were handled).</summary>
    public const int SomeFilesFailed = 1;

    /// <summary>Bad usage or configuration: nothing was done.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>Stored evidence failed an integrity check.</summary>
    public const int IntegrityFailure = 3;

    /// <summary>The requested recording or derivative does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>The acting user may not do this (role, grant, or approver missing); the refusal is in the custody log.</summary>
    public const int AccessDenied = 5;

    /// <summary>The state of the case, the rules or the request do not allow it now (a closed case, a second approval by the same person...).</summary>
    public const int Conflict = 6;

    /// <summary>Storage or the catalog is not available now; running it again later can succeed.</summary>
    public const int Unavailable = 7;

    /// <summary>The exit code of each kind of error: the CLI's one table (the API maps the same kinds to statuses).</summary>
    public static int Of(Application.ErrorKind kind) => kind switch
    {
        Application.ErrorKind.Invalid => UsageOrConfiguration,
        Application.ErrorKind.NotFound => NotFound,
        Application.ErrorKind.Conflict => Conflict,
        Application.ErrorKind.Denied => AccessDenied,
        Application.ErrorKind.Unavailable => Unavailable,
        _ => IntegrityFailure,
    };
}
