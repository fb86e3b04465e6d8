namespace EvidenceVault.Hosting.Documents;

// The lists and small answers around the documents, printed by the CLI's --json and answered by the API alike. Named
// records, not anonymous objects, so the OpenAPI document describes each response; Web defaults make the fields camelCase.

public sealed record RecordingList(IReadOnlyList<RecordingJson> Recordings);

public sealed record CaseList(IReadOnlyList<CaseJson> Cases);

public sealed record DeadlineList(IReadOnlyList<DeadlineJson> Deadlines);

public sealed record RetrievalList(IReadOnlyList<RetrievalJson> Retrievals);

public sealed record DrawList(IReadOnlyList<DrawJson> Draws);

public sealed record RetrievalItemList(IReadOnlyList<RetrievalItemJson> Recordings);

public sealed record UserList(IReadOnlyList<UserJson> Users);

public sealed record CustodyList(IReadOnlyList<CustodyJson> Entries);

public sealed record RetentionPlan(IReadOnlyList<PlanItemJson> Plan);

public sealed record ProposalList(IReadOnlyList<ProposalJson> Proposals);

/// <summary>The deletions a proposal run opened (<c>POST /retention/proposals</c>).</summary>
public sealed record ProposedDeletions(IReadOnlyList<ProposalJson> Proposed);

/// <summary>What a purge did with each due deletion.</summary>
public sealed record PurgeOutcomes(IReadOnlyList<OutcomeJson> Outcomes);

public sealed record HoldList(IReadOnlyList<HoldJson> Holds);

/// <summary>Whether a detach removed a link (false when the recording was not linked).</summary>
public sealed record DetachResult(bool Detached);

/// <summary>An edited activity, and how many automatic links re-linking removed and added.</summary>
public sealed record ActivityUpdateJson(ActivityJson Activity, int Unlinked, int Linked);

public sealed record RedactionList(IReadOnlyList<RedactionJson> Redactions);
