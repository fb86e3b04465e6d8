using System.Collections.Concurrent;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// This node's memory of failed sign-ins: per (name, client address) against the per-address limit, per name for
/// names that are no user (so they lock like real ones; real accounts keep their account-wide count in the catalog),
/// and when each name's failures were last logged (one custody entry per name per window). Bounded: when it tracks
/// too many keys, entries that hold no lock are dropped first.
/// </summary>
public sealed class SignInThrottle(SignInSettings settings)
{
    private const int MaxTracked = 100_000;
    private readonly ConcurrentDictionary<string, SignInState> _pairs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SignInState> _unknownNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Since, int Pending)> _windows = new(StringComparer.Ordinal);

    private SignInPolicy Policy => settings.Policy;

    /// <summary>When the pair (or the unknown name) is locked until, or null.</summary>
    public DateTimeOffset? LockedUntil(string name, string address, bool unknownName, DateTimeOffset now)
    {
        var pair = _pairs.TryGetValue(Pair(name, address), out var p) && p.IsLockedAt(now) ? p.LockedUntil : null;
        var account = unknownName && _unknownNames.TryGetValue(name, out var n) && n.IsLockedAt(now) ? n.LockedUntil : null;
        return Later(pair, account);
    }

    /// <summary>Counts a failure; returns the lock it earned (per address, or account-wide for unknown names), if any.</summary>
    public DateTimeOffset? Fail(string name, string address, bool unknownName, DateTimeOffset now)
    {
        Trim(now);
        var pair = _pairs.AddOrUpdate(Pair(name, address), _ => SignInState.Clear.AfterFailure(now, Policy.MaxFailuresPerAddress, Policy.LockoutDuration), (_, s) => s.AfterFailure(now, Policy.MaxFailuresPerAddress, Policy.LockoutDuration));
        var account = unknownName
            ? _unknownNames.AddOrUpdate(name, _ => SignInState.Clear.AfterFailure(now, Policy), (_, s) => s.AfterFailure(now, Policy))
            : SignInState.Clear;
        return Later(pair.IsLockedAt(now) ? pair.LockedUntil : null, account.IsLockedAt(now) ? account.LockedUntil : null);
    }

    /// <summary>A success from this address forgets its failures (the account-wide count is the catalog's).</summary>
    public void Succeed(string name, string address) => _pairs.TryRemove(Pair(name, address), out _);

    /// <summary>
    /// Counts the failure against the name's log window. When it opens a new window, returns the count to log: the
    /// failures since the name's previous entry, this one included (so the entries' counts add up to every failure);
    /// otherwise null, and the failure waits for the next entry (a window's, or the lock's).
    /// </summary>
    public int? FailureToLog(string name, DateTimeOffset now)
    {
        lock (_windows)
        {
            if (_windows.Count >= MaxTracked)
            {
                _windows.Clear();
            }

            var known = _windows.TryGetValue(name, out var window);
            if (!known || now - window.Since >= Policy.FailureLogWindow)
            {
                _windows[name] = (now, 0);
                return window.Pending + 1;
            }

            _windows[name] = (window.Since, window.Pending + 1);
            return null;
        }
    }

    /// <summary>The failures not yet in an entry, handed to the lock's entry; the window stays open.</summary>
    public int TakePending(string name)
    {
        lock (_windows)
        {
            if (!_windows.TryGetValue(name, out var window))
            {
                return 0;
            }

            _windows[name] = (window.Since, 0);
            return window.Pending;
        }
    }

    /// <summary>The later of two lock ends (either may be none).</summary>
    public static DateTimeOffset? Later(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null || first >= second ? first : second;

    private static string Pair(string name, string address) => name + "\n" + address;

    private void Trim(DateTimeOffset now)
    {
        if (_pairs.Count + _unknownNames.Count < MaxTracked)
        {
            return;
        }

        foreach (var map in new[] { _pairs, _unknownNames })
        {
            foreach (var (key, state) in map)
            {
                if (!state.IsLockedAt(now))
                {
                    map.TryRemove(key, out _);
                }
            }
        }

        lock (_windows)
        {
            _windows.Clear();
        }
    }
}
