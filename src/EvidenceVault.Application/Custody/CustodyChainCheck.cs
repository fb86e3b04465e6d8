using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Custody;

/// <summary>
/// Checks the hash chain one entry at a time, in sequence order, so a log of any length is checked in flat memory:
/// sequence numbers run from 1 without a gap, each entry names the hash before it and hashes to its own.
/// </summary>
public sealed class CustodyChainCheck
{
    private string _previous = CustodyChain.Genesis;
    private long _sequence = 1;

    /// <summary>The last entry found to extend the chain (0 before any), and its hash.</summary>
    public (long Sequence, string Hash) Head => (_sequence - 1, _previous);

    /// <summary>The next entry's break, or null when it extends the chain.</summary>
    public CustodyBreak? Next(CustodyRecord record)
    {
        if (record.Sequence != _sequence)
        {
            return new CustodyBreak(_sequence, $"Entry {_sequence} is missing (next present entry is {record.Sequence}).");
        }

        if (record.PreviousHash != _previous)
        {
            return new CustodyBreak(record.Sequence, "Its previous-hash does not match the entry before it.");
        }

        var e = record.Entry;
        if (CustodyChain.Hash(record.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Details, record.PreviousHash) != record.Hash)
        {
            return new CustodyBreak(record.Sequence, "Its contents do not match its hash (the entry was altered).");
        }

        (_previous, _sequence) = (record.Hash, record.Sequence + 1);
        return null;
    }
}
