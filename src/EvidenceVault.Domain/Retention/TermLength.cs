using System.Globalization;

namespace EvidenceVault.Domain.Retention;

/// <summary>How long something is kept: a number of months or days, or permanently (永久).</summary>
public readonly record struct TermLength(int Months, int Days, bool IsPermanent)
{
    public static TermLength Permanent { get; } = new(0, 0, true);

    public static TermLength OfMonths(int months) => new(months, 0, false);

    public static TermLength OfDays(int days) => new(0, days, false);

    /// <summary>Parses <c>permanent</c>, <c>30y</c>, <c>6m</c> or <c>90d</c>.</summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public static TermLength Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed is "permanent" or "永久")
        {
            return Permanent;
        }

        if (trimmed.Length >= 2
            && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 0)
        {
            switch (trimmed[^1])
            {
                case 'y':
                    return OfMonths(checked(count * 12));
                case 'm':
                    return OfMonths(count);
                case 'd':
                    return OfDays(count);
            }
        }

        throw new FormatException($"'{text}' is not a term: use 'permanent', or a count with y (years), m (months) or d (days), such as 30y, 6m or 90d.");
    }

    /// <summary>The instant a term starting at <paramref name="start"/> ends; null when permanent.</summary>
    public DateTimeOffset? EndFrom(DateTimeOffset start) => IsPermanent ? null : start.AddMonths(Months).AddDays(Days);

    public override string ToString() => IsPermanent ? "permanent"
        : Months > 0 && Months % 12 == 0 && Days == 0 ? $"{Months / 12}y"
        : Days == 0 ? $"{Months}m"
        : Months == 0 ? $"{Days}d"
        : $"{Months}m{Days}d";
}
