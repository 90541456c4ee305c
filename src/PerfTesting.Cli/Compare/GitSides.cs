namespace PerfTesting.Cli.Compare;

/// <summary>
/// The two source trees: A = the base (the merge base of the base ref with the head, or the ref itself
/// with --exact) in a temporary <c>git worktree</c>; B = the working tree itself (uncommitted changes
/// included) or, with --head, that ref in a second worktree. Dispose removes the worktrees.
/// </summary>
internal sealed class GitSides : IAsyncDisposable
{
    private readonly string _repository;
    private readonly List<string> _worktrees = [];

    private GitSides(string repository) => _repository = repository;

    /// <summary>A's source tree.</summary>
    public string ATree { get; private set; } = "";

    /// <summary>B's source tree.</summary>
    public string BTree { get; private set; } = "";

    /// <summary>A's label: "base 1a2b3c4d" (and the ref it came from).</summary>
    public string ALabel { get; private set; } = "";

    /// <summary>B's label.</summary>
    public string BLabel { get; private set; } = "";

    /// <summary>Resolves the refs and lays out the trees under <paramref name="work"/>.</summary>
    /// <exception cref="CompareFailedException">Not a git repository, or a ref that does not resolve.</exception>
    public static async Task<GitSides> CreateAsync(CompareSettings settings, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var sides = new GitSides(await Git(settings.Repository, log, cancellationToken, "rev-parse", "--show-toplevel").ConfigureAwait(false));
        try
        {
            var head = settings.HeadRef is null ? "HEAD" : settings.HeadRef;
            var headCommit = await sides.CommitAsync(head, "--head", log, cancellationToken).ConfigureAwait(false);
            var baseCommit = await sides.CommitAsync(settings.BaseRef, "--base", log, cancellationToken).ConfigureAwait(false);
            if (!settings.Exact)
            {
                baseCommit = await Git(sides._repository, log, cancellationToken, "merge-base", baseCommit, headCommit).ConfigureAwait(false);
            }

            sides.ATree = await sides.AddWorktreeAsync(System.IO.Path.Combine(work, "base-src"), baseCommit, log, cancellationToken).ConfigureAwait(false);
            sides.ALabel = $"base {baseCommit[..10]}" + (settings.Exact ? $" ({settings.BaseRef})" : $" (merge base of {settings.BaseRef})");
            if (settings.HeadRef is null)
            {
                sides.BTree = sides._repository;
                var dirty = await Git(sides._repository, log, cancellationToken, "status", "--porcelain", "--untracked-files=no").ConfigureAwait(false);
                sides.BLabel = $"head {headCommit[..10]}" + (dirty.Length > 0 ? " + uncommitted changes" : string.Empty);
            }
            else
            {
                sides.BTree = await sides.AddWorktreeAsync(System.IO.Path.Combine(work, "head-src"), headCommit, log, cancellationToken).ConfigureAwait(false);
                sides.BLabel = $"head {headCommit[..10]} ({settings.HeadRef})";
            }

            return sides;
        }
        catch
        {
            await sides.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The path of a path under the repository root in a side's tree.</summary>
    public static string In(string tree, string repositoryRelative) => System.IO.Path.Combine(tree, repositoryRelative);

    /// <summary>The repository root.</summary>
    public string Root => _repository;

    public async ValueTask DisposeAsync()
    {
        foreach (var tree in _worktrees)
        {
            await ChildProcess.RunAsync("git", ["worktree", "remove", "--force", tree], _repository, TextWriter.Null).ConfigureAwait(false);
        }
    }

    private async Task<string> CommitAsync(string reference, string option, TextWriter log, CancellationToken cancellationToken)
    {
        var (exit, output) = await ChildProcess.RunAsync("git", ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], _repository, TextWriter.Null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return exit == 0 ? output.Trim() : throw new CompareFailedException($"{option} {reference}: no such branch, tag or commit in {_repository}");
    }

    private async Task<string> AddWorktreeAsync(string path, string commit, TextWriter log, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            await ChildProcess.RunAsync("git", ["worktree", "remove", "--force", path], _repository, log, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        await Git(_repository, log, cancellationToken, "worktree", "add", "--detach", path, commit).ConfigureAwait(false);
        _worktrees.Add(path);
        return path;
    }

    private static async Task<string> Git(string directory, TextWriter log, CancellationToken cancellationToken, params string[] arguments)
    {
        var (exit, output) = await ChildProcess.RunAsync("git", arguments, directory, log, cancellationToken: cancellationToken).ConfigureAwait(false);
        return exit == 0 ? output.Trim() : throw new CompareFailedException($"git {string.Join(' ', arguments)} failed in {directory} (exit {exit}): {output}");
    }
}
