using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Password hashes, sessions and station keys, each compared with the custody entries that made and ended it and with
/// the server's seal: a credential planted, copied or re-pointed by editing the catalog is reported even though it
/// already fails to authenticate. Lockout counters are a throttle, not a grant: every failure and lock is its own entry.
/// </summary>
internal sealed class CredentialRowChecks(ICredentialStore credentials, IStationKeyStore keys, CredentialBinding binding, IReadOnlyList<CustodyRecord> ledger)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        var passwordSets = ledger.Where(r => r.Entry.Action == CustodyActions.PasswordSet).ToLookup(r => r.Entry.Subject, StringComparer.Ordinal);
        foreach (var credential in await credentials.ListAsync(cancellationToken))
        {
            if (Password(credential, [.. passwordSets[credential.User.Value].Select(r => r.Entry.At)]) is { } problem)
            {
                mismatches.Add(new RowMismatch("credentials", credential.User.Value, problem));
            }
        }

        // Sessions are matched by user and short id; the ledger's order (not the clock) says what ended them.
        var started = ledger.Select(r => (r.Sequence, r.Entry.Subject, Details: Of<SignedInDetails>(r))).Where(e => e.Details is not null)
            .GroupBy(e => (e.Subject, e.Details!.Session)).ToDictionary(g => g.Key, g => g.First().Sequence);
        var signedOut = ledger.Select(r => (r.Entry.Subject, Details: Of<SignedOutDetails>(r))).Where(e => e.Details is not null)
            .Select(e => (e.Subject, e.Details!.Session)).ToHashSet();
        foreach (var session in await credentials.SessionsAsync(cancellationToken))
        {
            var user = session.User.Value;
            string? problem = !started.TryGetValue((user, session.ShortId), out var start) ? "no custody entry started this session for this user"
                : session.Seal is not null && !CredentialBinding.Holds(session.Seal, binding.Seal(session)) ? "differs from what the server sealed at sign-in (user or start changed)"
                : session.EndedAt is null && (signedOut.Contains((user, session.ShortId)) || passwordSets[user].Any(r => r.Sequence > start))
                    ? "the custody log ended this session (sign-out or a new password) but its row is open" : null;
            if (problem is not null)
            {
                mismatches.Add(new RowMismatch("sessions", $"{user}/{session.ShortId}", problem));
            }
        }

        mismatches.AddRange(StationKeys(await keys.ListAsync(cancellationToken)));
        return mismatches;
    }

    /// <summary>A hash must be the one the last password-set entry stored, at its time, under the server's seal.</summary>
    private string? Password(StoredCredential credential, List<DateTimeOffset> sets)
    {
        if (credential.PasswordHash is not { } hash)
        {
            return sets.Count > 0 ? "the custody log records a password but the row holds none" : null;
        }

        if (sets.Count == 0 || !SameInstant(sets[^1], credential.PasswordSetAt))
        {
            return "no custody entry set this password at the time the row gives";
        }

        return CredentialBinding.Holds(credential.PasswordSeal, binding.Seal(credential.User, hash)) ? null
            : credential.PasswordSeal is null ? "the password hash has no seal (set before credentials were bound to the server secret, or planted): it no longer signs in; set the password again"
            : "the password hash is not the one the server sealed for this user";
    }

    private IEnumerable<RowMismatch> StationKeys(IReadOnlyList<StationKey> rows)
    {
        var issued = ledger.Select(r => (r.Entry.Subject, Details: Of<StationKeyIssuedDetails>(r))).Where(e => e.Details is not null)
            .ToDictionary(e => e.Details!.Key, e => (Station: e.Subject, e.Details!.User), StringComparer.Ordinal);
        var revoked = ledger.Select(Of<StationKeyRevokedDetails>).OfType<StationKeyRevokedDetails>().Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in rows)
        {
            string? problem = !issued.TryGetValue(key.Prefix, out var entry) || entry != (key.Station.Value, key.User.Value) ? "no custody entry issued this key to this station and user"
                : revoked.Contains(key.Prefix) != key.IsRevoked ? "its revocation differs from the custody log"
                : key.IsRevoked || CredentialBinding.Holds(key.Seal, binding.Seal(key, key.Digest ?? string.Empty)) ? null
                : key.Seal is null ? "the key has no seal (issued before credentials were bound to the server secret, or planted): it no longer authenticates; revoke it and issue a new one"
                : "differs from what the server sealed when it issued the key";
            if (problem is not null)
            {
                yield return new RowMismatch("station_keys", $"{key.Station}/{key.Prefix}", problem);
            }
        }

        foreach (var (prefix, (station, _)) in issued.Where(i => rows.All(k => k.Prefix != i.Key)))
        {
            yield return new RowMismatch("station_keys", $"{station}/{prefix}", "the custody log records this key but its row is gone");
        }
    }
}
