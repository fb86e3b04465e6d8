using EvidenceVault.Application;

namespace EvidenceVault.Web;

/// <summary>
/// The HTTP status of a use case's error, as the host's one table decides it (the API's problem mapping), so a page
/// and the JSON endpoint for the same refusal answer with the same status.
/// </summary>
public sealed record ErrorStatus(Func<ErrorCode, int> StatusOf);
