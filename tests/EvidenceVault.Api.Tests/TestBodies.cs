using System.Net;

namespace EvidenceVault.Api.Tests;

/// <summary>A request body that sends its bytes, lets the server read them, then breaks off like a dropped connection.</summary>
public sealed class BreakingContent(byte[] sent) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(sent);
        await stream.FlushAsync();
        await Task.Delay(500);
        throw new IOException("The client gave up in the middle of the body.");
    }

    // Unknown length: sent chunked, so the server cannot tell the body is short until the connection drops.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>A body that sends its first part, then waits for <paramref name="release"/> before sending the rest.</summary>
public sealed class HeldContent(byte[] bytes, int firstPart, Task release) : HttpContent
{
    private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstPartSent => _firstPartSent.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, firstPart));
        await stream.FlushAsync();
        _firstPartSent.TrySetResult();
        await release;
        await stream.WriteAsync(bytes.AsMemory(firstPart));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
