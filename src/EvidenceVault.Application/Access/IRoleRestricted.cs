using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>
/// Marks a command or query that only some roles may run; the authorization pipeline behavior checks the
/// acting user against <see cref="AllowedRoles"/> before the handler runs.
/// </summary>
public interface IRoleRestricted
{
    IReadOnlyCollection<Role> AllowedRoles { get; }
}

/// <summary>The acting user may not do this; the message says which role or grant is missing.</summary>
public class AccessDeniedException(string message) : Exception(message);

/// <summary>A grant for redacted copies only was named for an original, a proxy or another derivative of the original.</summary>
public sealed class RedactedCopiesOnlyException(string message) : AccessDeniedException(message);
