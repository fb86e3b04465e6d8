using System.Text;

namespace EvidenceVault.Domain.Draws;

/// <summary>
/// Orders texts by their UTF-8 bytes, as <c>LC_ALL=C sort</c> does, so an outsider's tools sort a list the way the draw
/// did (.NET's ordinal order compares UTF-16 units and differs above U+FFFF).
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y) =>
        Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
}
