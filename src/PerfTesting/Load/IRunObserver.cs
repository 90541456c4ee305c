namespace PerfTesting.Load;

/// <summary>Receives a run's progress once a second (the xunit layer writes it to the test output).</summary>
public interface IRunObserver
{
    /// <summary>Called once a second from the run's ticker; keep it quick.</summary>
    /// <param name="progress">The state after the last second.</param>
    void OnProgress(RunProgress progress);
}
