namespace EvidenceVault.Domain.Draws;

/// <summary>
/// One candidate of a draw: an id (a recording id, an inspection target, an inspector) and, in a stratified draw, the
/// stratum it is drawn in (an officer or unit and period). Its <see cref="Line"/> is both its line in the canonical
/// list and the text hashed with the seed to rank it.
/// </summary>
public sealed record DrawCandidate
{
    /// <summary>Separates stratum and id in a stratified candidate's line.</summary>
    public const char StratumSeparator = '\t';

    public DrawCandidate(string id, string? stratum = null)
    {
        Id = DrawText.Require(id, "candidate id");
        Stratum = stratum is null ? null : DrawText.Require(stratum, "stratum");
    }

    public string Id { get; }

    /// <summary>The stratum, or null in an unstratified draw.</summary>
    public string? Stratum { get; }

    /// <summary><c>id</c>, or <c>stratum TAB id</c> in a stratified draw.</summary>
    public string Line => Stratum is null ? Id : Stratum + StratumSeparator + Id;

    /// <summary>Reads a line of a candidate list file: <c>id</c> or <c>stratum TAB id</c>.</summary>
    public static DrawCandidate ParseLine(string line)
    {
        var separator = line.IndexOf(StratumSeparator, StringComparison.Ordinal);
        return separator < 0 ? new DrawCandidate(line) : new DrawCandidate(line[(separator + 1)..], line[..separator]);
    }

    public override string ToString() => Line;
}
