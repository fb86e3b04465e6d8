using System.Globalization;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

public sealed class DrawCommandTests : IDisposable
{
    private const string SeedSource = "福彩3D 2026-12-10";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Draw_CommitRevealVerify_EarlyAndSecondRevealRefusedAndTheDrawRepeatsFromTheCatalog()
    {
        var list = _ws.Write("list.txt", "二所\tr4\n一所\tr1\n二所\tr3\n一所\tr2\n"u8.ToArray());
        // Far enough ahead that the early reveal is early even when two processes start slowly on a loaded machine.
        var due = TimeProvider.System.GetUtcNow().AddSeconds(10);

        var committed = await Cli("draw", "commit", "--title", "抽查", "--list", list, "--seed-source", SeedSource, "--seed-due", due.ToString("O", CultureInfo.InvariantCulture), "--n", "1", "--json");
        var early = await Cli("draw", "reveal", "D-1", "--seed", "583");
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (due - TimeProvider.System.GetUtcNow()).Ticks)) + TimeSpan.FromMilliseconds(200));
        var revealed = await Cli("draw", "reveal", "D-1", "--seed", "583", "--json");
        var again = await Cli("draw", "reveal", "D-1", "--seed", "999");
        var verified = await Cli("draw", "verify", "D-1", "--json");

        Assert.Equal(0, committed.ExitCode);
        Assert.Equal("c8d38f935cc9af58782daafa78a4da6ff6d4f73c8a2fbd481405c5c350a39bea", committed.Json.GetProperty("listSha256").GetString());
        Assert.Equal((6, 0, 6), (early.ExitCode, revealed.ExitCode, again.ExitCode));
        Assert.Contains("before its seed", early.StandardError, StringComparison.Ordinal);
        Assert.Contains("already revealed", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(["r2", "r3"], revealed.Json.GetProperty("reveal").GetProperty("selected").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0, verified.ExitCode);
        Assert.True(verified.Json.GetProperty("matches").GetBoolean());
        Assert.Equal(committed.Json.GetProperty("commitment").GetString(), verified.Json.GetProperty("commitment").GetString());
    }

    [Fact]
    public async Task DrawVerify_OutsiderWithoutCatalog_MatchesThePublishedDrawAndCatchesAChangedList()
    {
        var list = _ws.Write("list.txt", "c3\na1\nd4\nb2\n"u8.ToArray());
        var padded = _ws.Write("padded.txt", "c3\na1\nd4\nb2\ne5\n"u8.ToArray());
        // printf 'ev-draw-1\ncandidates 28f2…09c3\nseed-source 福彩3D 2026-12-10\ntake 2\n' | sha256sum
        string[] published = ["--seed", "583", "--n", "2", "--seed-source", SeedSource, "--commitment", "d61f96a602081988c58958057b7a3b609b5e383f3c5a26a90254230d101cc0f6", "--expect", "d4,a1"];
        var outsider = Path.Combine(_ws.Root, "no-catalog");

        var same = await CliRunner.RunAsync(outsider, ["draw", "verify", "--list", list, .. published, "--json"]);
        var changed = await CliRunner.RunAsync(outsider, ["draw", "verify", "--list", padded, .. published]);

        Assert.Equal(0, same.ExitCode);
        Assert.True(same.Json.GetProperty("matches").GetBoolean());
        Assert.Equal("28f276dfb86fd67ae91f3fd48f8f606386072e066e31a8a2669ccc024bea09c3", same.Json.GetProperty("listSha256").GetString());
        Assert.Equal(3, changed.ExitCode);
        Assert.Contains("not the published d61f96a6", changed.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outsider));
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
