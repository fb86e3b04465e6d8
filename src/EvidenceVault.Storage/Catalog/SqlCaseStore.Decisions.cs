using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Legal reviews and decisions.</summary>
public sealed partial class SqlCaseStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public Task RecordReviewAsync(LegalReview review, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO legal_reviews (case_number, reviewer, opinion, review_date) VALUES (@n, @reviewer, @opinion, @date) ON CONFLICT (case_number) DO UPDATE SET reviewer = @reviewer, opinion = @opinion, review_date = @date",
            p =>
            {
                p.AddWithValue("@n", review.Case.Value);
                p.AddWithValue("@reviewer", review.Reviewer);
                p.AddWithValue("@opinion", review.Opinion);
                p.AddWithValue("@date", review.Date.ToString(DateFormat, CultureInfo.InvariantCulture));
            },
            custody,
            cancellationToken);

    public async Task<LegalReview?> FindReviewAsync(CaseNumber number, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT case_number, reviewer, opinion, review_date FROM legal_reviews WHERE case_number = @n",
            p => p.AddWithValue("@n", number.Value),
            r => new LegalReview(CaseNumber.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), Date(r.GetString(3))),
            cancellationToken)).SingleOrDefault();

    public Task RecordDecisionAsync(CaseDecision decision, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            "INSERT INTO decisions (case_number, decision_date, conclusion, is_major, revoked_on) VALUES (@n, @date, @conclusion, @major, @revoked) ON CONFLICT (case_number) DO UPDATE SET decision_date = @date, conclusion = @conclusion, is_major = @major, revoked_on = @revoked",
            p =>
            {
                p.AddWithValue("@n", decision.Case.Value);
                p.AddWithValue("@date", decision.Date.ToString(DateFormat, CultureInfo.InvariantCulture));
                p.AddWithValue("@conclusion", decision.Conclusion);
                p.AddWithValue("@major", decision.IsMajor ? 1 : 0);
                p.AddWithValue("@revoked", decision.RevokedOn is { } r ? r.ToString(DateFormat, CultureInfo.InvariantCulture) : DBNull.Value);
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<CaseDecision>> DecisionsAsync(CaseNumber? number, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT case_number, decision_date, conclusion, is_major, revoked_on, published_on, taken_down_on FROM decisions WHERE case_number = @n OR @n IS NULL ORDER BY decision_date",
            p => p.AddWithValue("@n", number is { } n ? n.Value : DBNull.Value),
            r => new CaseDecision(CaseNumber.Parse(r.GetString(0)), Date(r.GetString(1)), r.GetString(2), r.GetInt64(3) == 1, OptionalDate(r, 4))
            {
                PublishedOn = OptionalDate(r, 5),
                TakenDownOn = OptionalDate(r, 6),
            },
            cancellationToken);

    public Task RecordDisclosureAsync(CaseNumber number, DisclosureStep step, DateOnly date, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var column = step switch
        {
            DisclosureStep.Published => "published_on",
            DisclosureStep.Revoked => "revoked_on",
            _ => "taken_down_on",
        };
        return database.WriteWithCustodyAsync(
            $"UPDATE decisions SET {column} = @date WHERE case_number = @n",
            p =>
            {
                p.AddWithValue("@n", number.Value);
                p.AddWithValue("@date", date.ToString(DateFormat, CultureInfo.InvariantCulture));
            },
            custody,
            cancellationToken);
    }

    private static DateOnly? OptionalDate(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Date(r.GetString(i));

    private static DateOnly Date(string text) => RecordingRows.ParseDay(text);
}
