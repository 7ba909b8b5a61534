using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Integration.Tests;

/// <summary>
/// One embedded-default session for a test class: the storage emulator, the durable runtime and every workflow, with
/// its own task hub and audit folder so runs do not see each other's instances.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    public LocalPaths Paths { get; private set; } = null!;

    public LocalSession Session { get; private set; } = null!;

    public DocumentStore Store => Session.Services.GetRequiredService<DocumentStore>();

    public string TaskHub { get; } = "HipaaAiTest" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        var discovered = LocalPaths.Discover();
        var state = Directory.CreateTempSubdirectory("hipaaai-it-").FullName;
        Paths = new LocalPaths(discovered.RepositoryRoot, state);
        var settings = new Dictionary<string, string?>
        {
            ["Local:TaskHubName"] = TaskHub,
            ["Intake:EmptyFileGraceSeconds"] = "2",
            ["Intake:FirstRetryDelaySeconds"] = "0.2",
            ["Intake:MaxRetryDelaySeconds"] = "1",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        Session = await LocalSession.StartAsync(Paths, CancellationToken.None, settings, ConfigureServices);
    }

    /// <summary>Lets a fixture add or override configuration for its session.</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    /// <summary>Lets a fixture swap an engine for one whose behaviour a test needs.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        await Session.DisposeAsync();
        Directory.Delete(Paths.StateRoot, recursive: true);
    }
}
