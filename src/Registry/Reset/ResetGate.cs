namespace Registry.Reset;

/// <summary>
/// Lets an upload find out whether a reset overtook it. The generation is odd while a reset runs and
/// moves on at its start and its end: an upload notes it before storing anything and checks it after
/// its catalog write; if it changed (or was odd at the start) a reset may have deleted the archive
/// the new record points at, so the upload undoes itself. One registry process; several processes
/// sharing the same resources would need the generation in the database.
/// </summary>
internal sealed class ResetGate
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public static bool IsRunning(long generation) => (generation & 1) == 1;

    /// <summary>Starts a reset; false when one is already running.</summary>
    public bool TryEnter()
    {
        if (!_one.Wait(0))
        {
            return false;
        }

        Interlocked.Increment(ref _generation);
        return true;
    }

    public void Exit()
    {
        Interlocked.Increment(ref _generation);
        _one.Release();
    }
}
