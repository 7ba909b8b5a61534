using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Phi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class AuditServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static ServiceProvider Build(Action<IServiceCollection, IConfiguration> register, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        register(services, configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddLocalAudit_WithRootPath_ResolvesChainAsSinkAndItsReaderSeesWrites()
    {
        // Arrange
        using var provider = Build((s, c) => s.AddLocalAudit(c), new() { ["Audit:Local:RootPath"] = folder.Path });
        var sink = provider.GetRequiredService<IAuditSink>();

        // Act
        await sink.WriteAsync(Events(1, 2), CancellationToken.None);

        // Assert
        Assert.IsType<HashChainedAuditLog>(sink);
        var verification = await provider.GetRequiredService<AuditTrailReader>()
            .VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);
        Assert.Equal(2, verification.RecordsVerified);
        Assert.NotNull(provider.GetRequiredService<LocalRetentionEnforcer>());
    }

    [Fact]
    public void AddLocalAudit_RootPathMissing_FailsOptionsValidationNamingIt()
    {
        // Arrange
        using var provider = Build((s, c) => s.AddLocalAudit(c), []);

        // Act
        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<LocalAuditOptions>>().Value);

        // Assert
        Assert.Contains("Audit:Local:RootPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureAudit_FullSettings_ResolvesOutboxedSinkAndDispatcherHostedService()
    {
        // Arrange
        using var provider = Build((s, c) => s.AddAzureAudit(c), new()
        {
            ["Audit:LogsIngestion:Endpoint"] = "https://dce-audit.eastus-1.ingest.monitor.azure.com",
            ["Audit:LogsIngestion:DataCollectionRuleId"] = "dcr-00000000000000000000000000000001",
            ["Audit:Outbox:LocalPath"] = folder.Path,
        });

        // Act
        var sink = provider.GetRequiredService<IAuditSink>();
        var hosted = provider.GetServices<IHostedService>();

        // Assert
        Assert.IsType<OutboxedAuditSink>(sink);
        Assert.IsType<FileAuditOutbox>(provider.GetRequiredService<IAuditOutbox>());
        Assert.Single(hosted.OfType<AuditOutboxDispatcher>());
    }

    [Fact]
    public void AddAzureAudit_DataCollectionRuleMissing_FailsNamingTheSetting()
    {
        // Arrange
        using var provider = Build((s, c) => s.AddAzureAudit(c), new()
        {
            ["Audit:LogsIngestion:Endpoint"] = "https://dce-audit.eastus-1.ingest.monitor.azure.com",
            ["Audit:Outbox:LocalPath"] = folder.Path,
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<LogsIngestionOptions>>().Value);

        // Assert
        Assert.Contains("Audit:LogsIngestion:DataCollectionRuleId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-hipaa;SecretName=pseudonym-key)", "unresolved Key Vault reference")]
    public async Task AddPhiProtection_KeyMissingOrUnresolved_HostFailsAtStartNamingTheSetting(string? key, string problem)
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Phi:PseudonymKey"] = key });
        builder.Services.AddPhiProtection(builder.Configuration);
        using var host = builder.Build();

        // Act
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // Assert
        Assert.Contains("Phi:PseudonymKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPhiProtection_ValidKey_ResolvesPseudonymizer()
    {
        // Arrange
        var key = Convert.ToBase64String(new byte[32]);
        using var provider = Build((s, c) => s.AddPhiProtection(c), new() { ["Phi:PseudonymKey"] = key });

        // Act
        var pseudonym = provider.GetRequiredService<Pseudonymizer>().ForPatient("HOSP1|1");

        // Assert
        Assert.StartsWith("pt_", pseudonym, StringComparison.Ordinal);
    }
}
