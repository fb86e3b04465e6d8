namespace EvidenceVault.Application.Catalog;

/// <summary>The catalog database cannot be reached or opened (server down, wrong address, unreadable file); nothing was done.</summary>
public sealed class CatalogUnavailableException(string message, Exception innerException) : Exception(message, innerException);
