namespace EvidenceVault.Hosting;

/// <summary>The settings are unusable; the message says which one and why.</summary>
public sealed class ConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
