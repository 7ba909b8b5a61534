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
            // Cards carry links; nothing listens here, the tests decide through the decision service itself.
            ["Approvals:DecisionBaseUrl"] = "http://127.0.0.1:9/api/approvals",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Session = await LocalSession.StartAsync(Paths, CancellationToken.None, settings, ConfigureServices);
    }

    /// <summary>Settings a fixture adds to, or overrides in, the session's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

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
