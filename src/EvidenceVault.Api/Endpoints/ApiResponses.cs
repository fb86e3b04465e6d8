using EvidenceVault.Hosting;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Api.Endpoints;

// The JSON bodies the endpoints answer with, around the documents the CLI prints too. Named records, not anonymous
// objects, so the OpenAPI document describes each response; Web defaults turn the properties into camelCase fields.

internal sealed record RecordingList(IReadOnlyList<RecordingJson> Recordings);

internal sealed record CaseList(IReadOnlyList<CaseJson> Cases);

internal sealed record DeadlineList(IReadOnlyList<DeadlineJson> Deadlines);

internal sealed record RetrievalList(IReadOnlyList<RetrievalJson> Retrievals);

internal sealed record CustodyList(IReadOnlyList<CustodyJson> Entries);

internal sealed record RetentionPlan(IReadOnlyList<PlanItemJson> Plan);

internal sealed record ProposalList(IReadOnlyList<ProposalJson> Proposals);

/// <summary>The deletions a proposal run opened (<c>POST /retention/proposals</c>).</summary>
internal sealed record ProposedDeletions(IReadOnlyList<ProposalJson> Proposed);

/// <summary>What a purge did with each due deletion.</summary>
internal sealed record PurgeOutcomes(IReadOnlyList<OutcomeJson> Outcomes);

internal sealed record HoldList(IReadOnlyList<HoldJson> Holds);

/// <summary>Whether a detach removed a link (false when the recording was not linked).</summary>
internal sealed record DetachResult(bool Detached);

/// <summary>An edited activity, and how many automatic links re-linking removed and added.</summary>
internal sealed record ActivityUpdate(ActivityJson Activity, int Unlinked, int Linked);
