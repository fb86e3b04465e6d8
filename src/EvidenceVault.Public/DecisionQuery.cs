using System.Globalization;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Public;

/// <summary>The search of the public list from the query string: agency, category, from, to, number.</summary>
internal static class DecisionQuery
{
    private const int MaxText = 100;

    /// <summary>The filter, or the message naming the parameter that is wrong.</summary>
    public static (PublishedDecisionFilter? Filter, string? Error) Parse(IQueryCollection query)
    {
        try
        {
            return (new PublishedDecisionFilter
            {
                Agency = Text(query, "agency"),
                DocumentNumber = Text(query, "number"),
                Category = Text(query, "category") is { } category ? CaseTerms.ParseType(category) : null,
                From = Day(query, "from"),
                To = Day(query, "to"),
            }, null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query[name].ToString().Trim();
        return value.Length == 0 ? null
            : value.Length > MaxText ? throw new FormatException($"参数 {name} 过长（最多 {MaxText} 个字符）。")
            : value;
    }

    private static DateOnly? Day(IQueryCollection query, string name) =>
        Text(query, name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new FormatException($"参数 {name} 应为日期 yyyy-MM-dd，收到 '{text}'。");
}
