using EvidenceVault.Testing.Vault;

namespace EvidenceVault.Storage.Azure.Tests;

/// <summary>Runs the vault contract alone, so its allocation budgets count only its own allocations.</summary>
[CollectionDefinition(VaultContractTests.AllocationBudgetCollection, DisableParallelization = true)]
public sealed class VaultAllocationBudgetCollection;
