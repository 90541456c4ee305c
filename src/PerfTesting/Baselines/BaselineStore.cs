namespace PerfTesting.Baselines;

/// <summary>
/// Baseline files in a folder, one per test and scenario: <c>NAME.json</c> is the committed baseline,
/// <c>NAME.received.json</c> what the last run measured when it was not accepted. Accepting moves
/// received over baseline, as Verify does with snapshots (<c>PERF_ACCEPT=1</c>, <see cref="AcceptAll"/>
/// or <c>perftest accept</c>). A relative folder is resolved against the test project's folder
/// (<see cref="ProjectDirectory"/>), so <c>new BaselineStore("Baselines")</c> is <c>MyTests/Baselines</c>
/// beside the sources, not a folder under <c>bin/</c>.
/// </summary>
public sealed class BaselineStore
{
    private const string ReceivedSuffix = ".received.json";
    private const string BaselineSuffix = ".json";

    /// <summary>Creates a store over <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder, absolute or relative to the test project's folder (<see cref="ProjectDirectory.Resolve"/>); created when a file is first written.</param>
    public BaselineStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = ProjectDirectory.Resolve(directory);
    }

    /// <summary>The default folder name under the test project: <c>Baselines</c>.</summary>
    public const string DefaultFolder = "Baselines";

    /// <summary>A store over the test project's <c>Baselines</c> folder.</summary>
    public static BaselineStore ForTestProject() => new(DefaultFolder);

    /// <summary>The folder holding the files.</summary>
    public string Directory { get; }

    /// <summary>The committed baseline's path.</summary>
    /// <param name="name">The baseline's name.</param>
    public string BaselinePath(string name) => Path.Combine(Directory, CheckName(name) + BaselineSuffix);

    /// <summary>The received file's path.</summary>
    /// <param name="name">The baseline's name.</param>
    public string ReceivedPath(string name) => Path.Combine(Directory, CheckName(name) + ReceivedSuffix);

    /// <summary>Reads the committed baseline, or null when there is none.</summary>
    /// <param name="name">The baseline's name.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<BaselineSnapshot?> LoadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = BaselinePath(name);
        return File.Exists(path)
            ? BaselineJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))
            : null;
    }

    /// <summary>Writes <paramref name="snapshot"/> as the received file.</summary>
    /// <param name="snapshot">What was measured.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The received file's path.</returns>
    public Task<string> WriteReceivedAsync(BaselineSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return WriteAsync(ReceivedPath(snapshot.Name), snapshot, cancellationToken);
    }

    /// <summary>Writes <paramref name="snapshot"/> as the baseline and removes any received file.</summary>
    /// <param name="snapshot">What was measured.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The baseline's path.</returns>
    public async Task<string> WriteBaselineAsync(BaselineSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = await WriteAsync(BaselinePath(snapshot.Name), snapshot, cancellationToken).ConfigureAwait(false);
        File.Delete(ReceivedPath(snapshot.Name));
        return path;
    }

    /// <summary>Makes the received file of <paramref name="name"/> the baseline, when there is one.</summary>
    /// <param name="name">The baseline's name.</param>
    /// <returns>The baseline's path, or null when nothing was received.</returns>
    public string? AcceptReceived(string name)
    {
        var received = ReceivedPath(name);
        if (!File.Exists(received))
        {
            return null;
        }

        var baseline = BaselinePath(name);
        File.Move(received, baseline, overwrite: true);
        return baseline;
    }

    /// <summary>Makes every received file the new baseline (the explicit accept step).</summary>
    /// <returns>The names accepted.</returns>
    public IReadOnlyList<string> AcceptAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var accepted = new List<string>();
        foreach (var received in System.IO.Directory.GetFiles(Directory, "*" + ReceivedSuffix).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(received)[..^ReceivedSuffix.Length];
            File.Move(received, BaselinePath(name), overwrite: true);
            accepted.Add(name);
        }

        return accepted;
    }

    private static async Task<string> WriteAsync(string path, BaselineSnapshot snapshot, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, BaselineJson.Serialize(snapshot) + "\n", cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.StartsWith('.'))
        {
            throw new ArgumentException($"'{name}' is not a baseline name: use letters, digits, '-', '_' and '.' only.", nameof(name));
        }

        return name;
    }
}
