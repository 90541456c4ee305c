using System.Net.Http.Headers;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;

namespace Tests.Integration.Registry;

/// <summary>Small helpers shared by the registry tests.</summary>
internal static class RegistryTesting
{
    public static async Task<RegistryApp> StartAsync(BackingServicesFixture fixture, string owner, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = await fixture.GetDefaultAsync(TestContext.Current.CancellationToken);
        var app = new RegistryApp(services.Endpoints, owner, settings);
        app.StartServer();
        return app;
    }

    /// <summary>Bytes that pass the registry's zip signature check, different for each seed.</summary>
    public static byte[] Archive(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        return bytes;
    }

    public static ByteArrayContent Zip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    /// <summary>Polls a condition the registry reports (not a guessed sleep), bounded to <paramref name="limit"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    public static string UniqueOwner() => "o" + Guid.NewGuid().ToString("N")[..12];
}
