using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PerfTesting.Xunit.Hosting;

namespace Tests.Perf.Trust;

/// <summary>
/// A Kestrel endpoint <c>/work</c> on loopback that answers each request when the deadline the
/// subclass gives it comes (<see cref="AnswerWhen"/>, on a <see cref="DeadlineQueue"/> of its own).
/// It owns the host and the queue: start it with <see cref="ListenAsync"/>, dispose it to stop both.
/// </summary>
internal abstract class DeadlineServer(string threadName) : IAsyncDisposable
{
    private LoopbackHost? _host;

    public Uri Url { get; private set; } = null!;

    /// <summary>Releases the answers at their deadlines.</summary>
    protected DeadlineQueue Deadlines { get; } = new(threadName);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Deadlines.Dispose();
    }

    /// <summary>Starts the endpoint; a subclass's StartAsync calls it once its settings are in place.</summary>
    protected async Task ListenAsync()
    {
        _host = await LoopbackHost.StartAsync(app => app.MapGet("/work", async (CancellationToken ct) =>
        {
            await AnswerWhen().WaitAsync(ct);
            return Results.Text("done");
        }));
        Url = _host.Url("/work");
    }

    /// <summary>A task that completes when the current request is to be answered.</summary>
    protected abstract Task AnswerWhen();
}
