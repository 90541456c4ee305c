using PerfTesting.Cli;

return await PerftestCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
