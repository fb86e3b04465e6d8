namespace EvidenceVault.Application.Inspections;

/// <summary>
/// The public site's read of published 双随机 results: the projection a publish writes and nothing else, so an
/// unpublished task cannot reach the site.
/// </summary>
public interface IPublishedInspections
{
    /// <summary>Published tasks, newest first.</summary>
    Task<IReadOnlyList<PublishedInspection>> ListAsync(CancellationToken cancellationToken);

    Task<PublishedInspection?> FindAsync(string task, CancellationToken cancellationToken);
}

/// <summary>
/// A task as the public sees it: matter, results per target, and every input needed to repeat both draws and the
/// assignment (the canonical lists, their hashes, the seed source and seed, the commitments and the algorithms).
/// </summary>
public sealed record PublishedInspection(
    string Task,
    string Matter,
    DateTimeOffset PublishedAt,
    IReadOnlyList<PublishedInspectionTarget> Targets,
    PublishedDrawTerms TargetDraw,
    PublishedDrawTerms InspectorDraw,
    int PerTarget,
    string Algorithm,
    IReadOnlyList<PublishedRecusal> Recusals);

public sealed record PublishedInspectionTarget(string Code, string Name, IReadOnlyList<PublishedInspector> Inspectors, string Result, string Handling, DateOnly Date);

/// <summary>An inspector as published; <see cref="Unit"/> is null in projections written before units were kept.</summary>
public sealed record PublishedInspector(string CertificateNumber, string Name, string? Unit = null);

public sealed record PublishedDrawTerms(string Draw, string Candidates, string ListSha256, string SeedSource, string Seed, IReadOnlyList<string> Quota, string Algorithm, string Commitment);

/// <summary>A recusal as published: who stood down and who the ranking put in (the reason stays internal).</summary>
public sealed record PublishedRecusal(string Target, string Inspector, string Replacement);
