namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>Waits until a started process answers, or fails with what it printed.</summary>
internal static class Readiness
{
    /// <summary>How long a local emulator or server may take to answer.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns true, the process exits, or the timeout passes;
    /// once it answers, its watchdog is told so and restarts it should it die later.
    /// </summary>
    public static async Task WaitAsync(
        WatchedProcess process,
        Func<CancellationToken, Task<bool>> probe,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(StartTimeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            if (process.HasExited)
            {
                throw new BackingServicesUnavailableException($"It stopped before answering: {process.Describe()}");
            }

            try
            {
                if (await probe(limit.Token).ConfigureAwait(false))
                {
                    // From here on the watchdog restarts the process if it dies.
                    process.MarkReady();
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), time, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BackingServicesUnavailableException(
                    $"It did not answer within {StartTimeout.TotalSeconds:0} s: {process.Describe()}");
            }
        }
    }

    /// <summary>A probe that is true once anything answers HTTP on the URL (any status code).</summary>
    public static Func<CancellationToken, Task<bool>> AnswersHttp(Uri url)
    {
        return async cancellationToken =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        };
    }
}
