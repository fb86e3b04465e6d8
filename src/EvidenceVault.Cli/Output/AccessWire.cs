using EvidenceVault.Domain.Access;

namespace EvidenceVault.Cli.Output;

/// <summary>Text lines for retrieval requests (the JSON shapes are <see cref="Hosting.Documents.AccessDocuments"/>).</summary>
internal static class AccessWire
{
    public static string Line(RetrievalRequest r) =>
        $"{r.Id}  {Wire.Kind(r.Status),-8}  {r.Requester}  {Wire.Kind(r.Tier.Kind)}  {r.Case?.Value ?? $"{r.Recordings.Count} recordings"}  {Wire.Time(r.Period.From)} .. {Wire.Time(r.Period.Until)}  {r.Purpose}";
}
