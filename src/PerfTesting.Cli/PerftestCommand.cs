using System.CommandLine;
using PerfTesting.Cli.Accept;
using PerfTesting.Cli.Agent;
using PerfTesting.Cli.Compare;
using PerfTesting.Cli.History;
using PerfTesting.Cli.Merge;
using PerfTesting.Cli.Report;

namespace PerfTesting.Cli;

/// <summary>The perftest command line: agent, merge, report, accept, compare.</summary>
public static class PerftestCommand
{
    /// <summary>The root command with every verb.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("perftest: distributed PerfTesting runs (agent, merge), reports, and accepting received baselines.");
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AcceptCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        return root;
    }
}
