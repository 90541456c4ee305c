using System.CommandLine;
using PerfTesting.Baselines;

namespace PerfTesting.Cli.Accept;

/// <summary>
/// <c>perftest accept [FOLDER...]</c>: makes every received baseline file under the folders (default: the
/// current one, searched recursively, skipping bin, obj, node_modules and dot-folders) the committed
/// baseline: <c>NAME.received.json</c> replaces <c>NAME.json</c>. Only files that are baselines
/// (schema perftesting.baseline/v1) are touched, so report snapshots named <c>*.received.json</c> stay.
/// </summary>
public static class AcceptCommand
{
    private const string ReceivedSuffix = ".received.json";
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var folders = new Argument<string[]>("folder")
        {
            Description = "Test project or baseline folders to search (recursively). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("accept", "Accept received baselines: every NAME.received.json under the folders becomes NAME.json.") { folders };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var roots = parse.GetValue(folders) is { Length: > 0 } given ? given : ["."];
            var missing = roots.Where(r => !Directory.Exists(r)).ToList();
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync("perftest accept: no such folder: " + string.Join(", ", missing)).ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            var accepted = await AcceptAsync(roots, cancellationToken).ConfigureAwait(false);
            foreach (var path in accepted)
            {
                Console.WriteLine("accepted " + path);
            }

            Console.WriteLine($"{accepted.Count} baseline(s) accepted under {string.Join(", ", roots.Select(Path.GetFullPath))}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Accepts every received baseline under <paramref name="roots"/>.</summary>
    /// <param name="roots">Folders searched recursively.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>The baseline files written, in path order.</returns>
    public static async Task<IReadOnlyList<string>> AcceptAsync(IEnumerable<string> roots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var accepted = new List<string>();
        foreach (var received in roots.SelectMany(Find).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await IsBaselineAsync(received, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var baseline = received[..^ReceivedSuffix.Length] + ".json";
            File.Move(received, baseline, overwrite: true);
            accepted.Add(baseline);
        }

        return accepted;
    }

    private static IEnumerable<string> Find(string root)
    {
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(Path.GetFullPath(root))]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in folder.EnumerateFiles("*" + ReceivedSuffix))
            {
                yield return file.FullName;
            }

            foreach (var child in folder.EnumerateDirectories())
            {
                if (!child.Name.StartsWith('.') && !SkippedFolders.Contains(child.Name, StringComparer.OrdinalIgnoreCase)
                    && !child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static async Task<bool> IsBaselineAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            BaselineJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
