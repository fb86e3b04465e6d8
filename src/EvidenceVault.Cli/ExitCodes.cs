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
}
