using System.Runtime.InteropServices;
using PerfTesting.BackingServices;
using Registry.Hosting;

namespace Registry.AppHost;

/// <summary>
/// <c>dotnet run --project src/Registry.AppHost -- [--urls URL] [seed ...]</c>: starts the backing services
/// (PERF_SERVICES=containers|local|external, else containers where Docker answers, else local
/// processes), then runs the registry on them until Ctrl-C/SIGTERM and stops everything.
///
/// The registry runs in this process (RegistryHost.RunAsync) rather than as a child process: Ctrl-C and
/// SIGTERM reach one process whose host lifetime stops Kestrel first, then the <c>await using</c> below stops
/// the services; no signal has to be forwarded, and a script that kills this PID stops everything.
/// The registry itself only ever sees configuration (BackingServices:*), as it would in production.
/// </summary>
internal static class Launcher
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["seed", ..])
        {
            // Seeding talks HTTP to a registry that is already running; it needs no services of its own.
            return await RegistryHost.RunAsync(args);
        }

        IBackingServices services;
        using (var starting = new CancellationTokenSource())
        {
            // Ctrl-C or SIGTERM while the services start (npm ci, initdb, container pulls) stops the start
            // cleanly, so nothing is left running.
            void Cancel(PosixSignalContext signal)
            {
                signal.Cancel = true;
                starting.Cancel();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            Console.WriteLine($"Starting the backing services ({BackingServicesLauncher.SelectionVariable}={System.Environment.GetEnvironmentVariable(BackingServicesLauncher.SelectionVariable) ?? "auto"})...");
            try
            {
                services = await BackingServicesLauncher.StartAsync(starting.Token);
            }
            catch (OperationCanceledException) when (starting.IsCancellationRequested)
            {
                Console.Error.WriteLine("Stopped before the backing services were up.");
                return 130;
            }
            catch (BackingServicesUnavailableException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }

        await using (services)
        {
            Console.WriteLine($"Backing services ({services.Endpoints.Kind}) are up; starting the registry.");
            return await RegistryHost.RunAsync(args, RegistrySettings.For(services.Endpoints));
        }
    }
}
