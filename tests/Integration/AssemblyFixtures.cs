using PerfTesting.BackingServices.Fixtures;

// One set of backing services per provider for the whole assembly; tests isolate by unique names.
[assembly: AssemblyFixture(typeof(BackingServicesFixture))]
