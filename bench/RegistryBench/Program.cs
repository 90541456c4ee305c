using System.Globalization;

// bench/registry-vs-direct.sh drives "compare"; "probe" is the in-process S3 read-path allocation probe.
// Usage: RegistryBench compare REGISTRY_DLL [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]
//        RegistryBench probe
//        RegistryBench cost REGISTRY_DLL [DOWNLOADS]   (fixed and per-byte cost of a download, few clients)
switch (args.FirstOrDefault())
{
    case "probe":
        await S3ReadProbe.RunAsync();
        return 0;
    case "cost" when args.Length >= 2:
        await DownloadCostModel.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200);
        return 0;
    case "compare" when args.Length >= 2:
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var clients = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
        await RegistryComparison.RunAsync(args[1], TimeSpan.FromSeconds(seconds), rounds, clients);
        return 0;
    default:
        Console.Error.WriteLine("usage: RegistryBench compare REGISTRY_DLL [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS] | RegistryBench probe");
        return 2;
}
