namespace EvidenceVault.Application.Behaviors;

/// <summary>
/// The longest text each kind of field of a command takes (characters); configurable. A field's kind follows from
/// its name (<see cref="TextFields"/>): a party, free text (reasons, opinions, purposes...), a path, a CSV
/// document, or else a name.
/// </summary>
public sealed record TextLimits
{
    public int Name { get; init; } = 200;

    public int Party { get; init; } = 500;

    public int FreeText { get; init; } = 2_000;

    public int Path { get; init; } = 4_096;

    /// <summary>A whole import file (officers, devices) given as text.</summary>
    public int Document { get; init; } = 10 << 20;
}

/// <summary>A text field longer than its limit; the request is refused before anything is written.</summary>
public sealed class TextTooLongException(string field, int length, int limit)
    : FormatException($"{field} is {length} characters long; at most {limit} are accepted.")
{
    public string Field { get; } = field;
}
