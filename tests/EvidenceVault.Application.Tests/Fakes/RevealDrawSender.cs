using EvidenceVault.Application.Draws;
using Mediator;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>A sender that knows one message, <see cref="RevealDrawCommand"/> (what a 双随机 reveal sends), and runs its real handler.</summary>
public sealed class RevealDrawSender(RevealDrawHandler reveal) : ISender
{
    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        command is RevealDrawCommand draw && await reveal.Handle(draw, cancellationToken) is TResponse revealed
            ? revealed
            : throw new NotSupportedException($"{command.GetType().Name} is not sent in these tests.");

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
