using System.CommandLine;
using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>--seed-source</c> and <c>--seed-due</c>, defined once for every command that commits a draw (draw commit, spot-check,
/// inspection task create); each command gets its own instances, as System.CommandLine options belong to one parent.
/// </summary>
internal sealed class SeedOptions
{
    public Option<string> Source { get; } = new("--seed-source") { Description = "The future public value the draw is ranked by (e.g. \"福彩3D 2026-12-10\")", Required = true };

    public Option<string> Due { get; } = new("--seed-due") { Description = "When that value is public, with its offset (e.g. 2026-12-10T21:30+08:00); no reveal before", Required = true };

    public SeedSource SourceOf(ParseResult parse) => SeedSource.Parse(parse.GetValue(Source)!);

    public DateTimeOffset DueOf(ParseResult parse) => DrawCommandLine.ParseTime(parse.GetValue(Due)!);
}
