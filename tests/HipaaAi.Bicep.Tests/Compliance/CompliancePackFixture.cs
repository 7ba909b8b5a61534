using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Compliance;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Bicep.Tests.Compliance;

/// <summary>
/// Writes a local audit trail through the product's own local sink, then compiles both project parameter files and
/// generates their evidence packs once for all tests, into a temporary folder.
/// </summary>
public sealed class CompliancePackFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset PeriodStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset PeriodEnd = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"hipaa-compliance-test-{Guid.NewGuid():N}");

    public string AuditRoot => Path.Combine(Root, "audit");

    public string ConfigurationFile => Path.Combine(Root, "approvals.json");

    public Dictionary<string, CompiledEnvironment> Environments { get; } = [];

    public Dictionary<string, CompliancePack> Packs { get; } = [];

    public Dictionary<string, string> Folders { get; } = [];

    public static ActivityPlan PlanFor(Workflow workflow) => ActivityPlan.For(workflow);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await WriteAuditTrailAsync(AuditRoot);

        // Decider roles as an operator would layer them over the template's app settings; the webhook URL carries a
        // canary in its signature so the test proves the pack prints setting names, never their values.
        await File.WriteAllTextAsync(ConfigurationFile, $$"""
            {
              "Approvals": {
                "DeciderRoles": {
                  "RecordReview": [ "RecordsReviewer", "RecordsSupervisor" ],
                  "BillingFinding": [ "BillingReviewer" ]
                },
                "TeamsWebhooks": { "records-reviewers": "https://teams.invalid/hook?sig={{PhiCanary.MemberId}}" }
              }
            }
            """);

        var compiler = new BicepCompiler(BicepCli.Executable);
        foreach (var environment in BicepFixture.Environments)
        {
            var compiled = await compiler.CompileAsync(
                Path.Combine(BicepCli.SourceFolder, $"main.{environment}.bicepparam"), BicepCli.RepositoryFolder,
                DeploymentContext.Placeholder, CancellationToken.None);
            Environments[environment] = compiled;
            var folder = Path.Combine(Root, $"pack-{environment}");
            Packs[environment] = await GenerateAsync(compiled, AuditRoot, folder, [ConfigurationFile]);
            Folders[environment] = folder;
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Builds and writes the pack of a compiled environment, audit folder and configuration files.</summary>
    public static async Task<CompliancePack> GenerateAsync(
        CompiledEnvironment environment,
        string auditRoot,
        string folder,
        IReadOnlyList<string> configurationFiles)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment.AppSettings());
        foreach (var file in configurationFiles)
        {
            configuration.AddJsonFile(file);
        }

        await using var services = AuditServices(auditRoot);
        var builder = new CompliancePackBuilder(services.GetRequiredService<AuditTrailReader>(), TimeProvider.System);
        var inputs = new PackInputs(
            configuration.Build(),
            configurationFiles.Select(file => new SourceFile(file, BicepCompiler.Sha256Of(file))).ToList(),
            RoutingRules.Load(Path.Combine(BicepCli.RepositoryFolder, "shared", "HipaaAi.Shared", "Understanding",
                "Config", RoutingRules.DefaultFileName)),
            auditRoot,
            PeriodStart,
            PeriodEnd);
        var pack = await builder.BuildAsync(environment, inputs, CancellationToken.None);
        await new CompliancePackWriter(new GraphvizRenderer()).WriteAsync(pack, folder, CancellationToken.None);
        return pack;
    }

    public static ServiceProvider AuditServices(string auditRoot) =>
        new ServiceCollection()
            .AddLogging()
            .AddLocalAudit(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:Local:RootPath"] = auditRoot })
                .Build())
            .BuildServiceProvider();

    private static async Task WriteAuditTrailAsync(string auditRoot)
    {
        await using var services = AuditServices(auditRoot);
        var sink = services.GetRequiredService<IAuditSink>();
        foreach (var workflow in AuditTables.Workflows)
        {
            var plan = PlanFor(workflow);
            await sink.WriteAsync(plan.EventsBefore(PeriodStart), CancellationToken.None);
            await sink.WriteAsync(plan.Events(PeriodStart), CancellationToken.None);
        }
    }
}
