using System.CommandLine;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>evidencevault draw verify</c>: a catalog draw against its ledger entries (<c>draw verify D-3</c>), or, for an
/// outsider with no catalog at all, a draw repeated from a published list and seed (<c>--list --seed --n</c>).
/// </summary>
internal static class DrawVerifyCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "A catalog draw (D-<n>); leave out with --list", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<string?>("--list") { Description = "The published candidate list file (one id per line, or stratum TAB id); needs no catalog" };
        var seed = new Option<string?>("--seed") { Description = "The published seed value (with --list)" };
        var quota = DrawCommandLine.QuotaOption();
        quota.Required = false;
        var seedSource = new Option<string?>("--seed-source") { Description = "The seed source named at commitment (with --commitment)" };
        var commitment = new Option<string?>("--commitment") { Description = "The published commitment to check the list, seed source and quota against" };
        var expect = new Option<string?>("--expect") { Description = "The published selection: a file with one id per line, or ids separated by commas" };
        var command = new Command("verify", "Repeat a draw: the list hash, the ranking, and whether it matches the commitment and the published selection")
        {
            id, list, seed, quota, seedSource, commitment, expect, CasesCommandLine.JsonOption,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(list) is not { } file)
            {
                return parse.GetValue(id) is { } number
                    ? CommandRunner.RunAsync(parse, services => CatalogAsync(parse, services, DrawId.Parse(number), ct))
                    : Usage("draw verify needs a draw number (D-<n>) or --list with --seed and --n.");
            }

            try
            {
                var report = Outsider(
                    DrawCommandLine.ReadList(file),
                    DrawSeed.Parse(parse.GetValue(seed) ?? throw new FormatException("draw verify --list needs --seed, the published seed value.")),
                    DrawQuota.Parse(parse.GetValue(quota) is { Length: > 0 } n ? n : throw new FormatException("draw verify --list needs --n, how many were taken.")),
                    parse.GetValue(seedSource) is { } source ? SeedSource.Parse(source) : null,
                    parse.GetValue(commitment) is { } c ? DrawCommitment.Parse(c) : null,
                    parse.GetValue(expect) is { } e ? ReadExpected(e) : null);
                CasesCommandLine.Print(parse, report, Text(report));
                return Task.FromResult(report.Matches == false ? ExitCodes.IntegrityFailure : ExitCodes.Ok);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                return Usage(ex.Message);
            }
        });
        return command;
    }

    private static async Task<int> CatalogAsync(ParseResult parse, IServiceProvider services, DrawId id, CancellationToken ct)
    {
        var verification = await services.GetRequiredService<IMediator>().Send(new VerifyDrawQuery(id), ct);
        var report = DrawDocuments.Verification(verification);
        CasesCommandLine.Print(parse, report, Text(report));
        return verification.Holds ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
    }

    private static DrawVerificationJson Outsider(CandidateList list, DrawSeed seed, DrawQuota quota, SeedSource? source, DrawCommitment? committed, HashSet<string>? expected)
    {
        if (committed is not null && source is null)
        {
            throw new FormatException("--commitment is checked against the terms, which name the seed source: give --seed-source too.");
        }

        var outcome = DrawAlgorithm.Run(list, seed, quota);
        var terms = source is { } s ? new DrawTerms(list.Hash, s, quota) : null;
        var problems = new List<string>();
        if (committed is { } c && terms is not null && terms.Commitment != c)
        {
            problems.Add($"the list, seed source and quota give commitment {terms.Commitment}, not the published {c}: the list (sha256 {list.Hash}) or the terms are not what was committed");
        }

        if (expected is not null)
        {
            var selected = outcome.Selected.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            var missing = selected.Where(x => !expected.Contains(x)).ToList();
            var extra = expected.Where(x => !selected.Contains(x)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                problems.Add($"the published selection differs: selected but not published: {(missing.Count == 0 ? "none" : string.Join(", ", missing))}; published but not selected: {(extra.Count == 0 ? "none" : string.Join(", ", extra))}");
            }
        }

        return new DrawVerificationJson(
            null,
            list.Hash.ToString(),
            terms?.Commitment.ToString(),
            seed.Value,
            [.. outcome.Ranking.Select(DrawDocuments.Rank)],
            [.. outcome.Selected.Select(DrawDocuments.Candidate)],
            committed is null && expected is null ? null : problems.Count == 0,
            problems);
    }

    private static HashSet<string> ReadExpected(string fileOrIds) =>
        (File.Exists(fileOrIds) ? File.ReadAllLines(fileOrIds) : fileOrIds.Split(','))
            .Select(x => x.Contains('\t', StringComparison.Ordinal) ? x[(x.IndexOf('\t', StringComparison.Ordinal) + 1)..] : x)
            .Select(x => x.Trim()).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string Text(DrawVerificationJson r) => string.Join(
        Environment.NewLine,
        new[] { $"list sha256  {r.ListSha256} ({r.Ranking.Count} candidates)" }
            .Concat(r.Commitment is { } c ? [$"commitment   {c}"] : [])
            .Concat(r.Seed is { } s ? [$"seed         '{s}'"] : [])
            .Concat(r.Ranking.Select(x => $"{(x.Selected ? "*" : " ")} {x.Rank,4}  {(x.Stratum is { } st ? st + "  " : string.Empty)}{x.Id}  {x.Score}"))
            .Concat(r.Problems.Select(p => $"MISMATCH: {p}"))
            .Concat([r.Matches switch { true => "matches", false => "does not match", null => "nothing to compare (give --commitment with --seed-source, or --expect)" }]));

    private static async Task<int> Usage(string message)
    {
        await Console.Error.WriteLineAsync($"evidencevault: {message}");
        return ExitCodes.UsageOrConfiguration;
    }
}
