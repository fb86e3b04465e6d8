namespace EvidenceVault.Domain.Draws;

/// <summary>
/// The name of the future public value a draw will be ranked by, fixed at commitment (e.g. "福彩3D 2026-12-10 draw" or
/// "custody checkpoint after 2026-12-10T12:00+08:00"), so nobody can pick a seed after seeing its outcome.
/// </summary>
public readonly record struct SeedSource
{
    private SeedSource(string name) => Name = name;

    public string Name { get; }

    public static SeedSource Parse(string name) => new(DrawText.Require(name, "seed source"));

    public override string ToString() => Name;
}
