namespace EvidenceVault.Domain.Draws;

/// <summary>
/// The public value a draw is ranked by, known only after the commitment (a lottery number, a later ledger head);
/// hashed as its UTF-8 bytes, surrounding whitespace removed.
/// </summary>
public readonly record struct DrawSeed
{
    private DrawSeed(string value) => Value = value;

    public string Value { get; }

    public static DrawSeed Parse(string value) => new(DrawText.Require(value, "seed"));

    public override string ToString() => Value;
}
