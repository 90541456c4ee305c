using PerfTesting.BackingServices.Fixtures;

[assembly: AssemblyFixture(typeof(BackingServicesFixture))]

// Performance runs measure the machine: never two at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
