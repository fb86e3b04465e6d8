namespace EvidenceVault.Application;

/// <summary>A case activity or registry entry the user named does not exist; the message names it.</summary>
public sealed class NotFoundException(string message) : Exception(message);
