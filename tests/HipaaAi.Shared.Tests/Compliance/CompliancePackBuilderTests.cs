using System.Text.Json.Nodes;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Compliance;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Shared.Tests.Compliance;

/// <summary>
/// The pack on a small hand-built environment with weaknesses the project's own template does not have, so the
/// negative paths (public access, shared keys, unknown roles, disagreeing retention) are proven to show.
/// </summary>
public sealed class CompliancePackBuilderTests : IDisposable
{
    private const string Group = "/subscriptions/s/resourceGroups/rg/providers";
    private const string StorageId = Group + "/Microsoft.Storage/storageAccounts/stweak";
    private const string SiteId = Group + "/Microsoft.Web/sites/func-weak";

    private readonly string auditRoot = Path.Combine(Path.GetTempPath(), $"hipaa-pack-unit-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(auditRoot, recursive: true);

    [Fact]
    public async Task BuildAsync_PublicStorageWithSharedKeys_ShownExposedWithoutPrivateEndpoint()
    {
        // Arrange
        var environment = Environment(Resource(StorageId, "Microsoft.Storage/storageAccounts", "stweak", new JsonObject
        {
            ["publicNetworkAccess"] = "Enabled",
            ["allowSharedKeyAccess"] = true,
            ["minimumTlsVersion"] = "TLS1_0",
        }));

        // Act
        var pack = await BuildAsync(environment);

        // Assert
        var row = Assert.Single(pack.Safeguards);
        Assert.Equal("public network access Enabled", row.PublicNetworkAccess);
        Assert.Equal("none", row.PrivateEndpoints);
        Assert.DoesNotContain("shared keys off", row.Authentication, StringComparison.Ordinal);
        Assert.Equal("minimum TLS1_0", row.InTransit);
        Assert.Equal("none", row.Lock);
    }

    [Fact]
    public async Task BuildAsync_RoleOutsideTheBuiltInTable_ShownUnknownAndReported()
    {
        // Arrange
        const string custom = "11111111-2222-3333-4444-555555555555";
        var assignment = new JsonObject
        {
            ["id"] = $"[extensionResourceId('{StorageId}', 'Microsoft.Authorization/roleAssignments', 'x')]",
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["name"] = "x",
            ["properties"] = new JsonObject
            {
                ["principalId"] = $"[reference('{SiteId}', '2024-11-01', 'full').identity.principalId]",
                ["principalType"] = "ServicePrincipal",
                ["roleDefinitionId"] = $"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/{custom}",
            },
        };
        var environment = Environment(
            Resource(StorageId, "Microsoft.Storage/storageAccounts", "stweak", []),
            Resource(SiteId, "Microsoft.Web/sites", "func-weak", []),
            assignment);

        // Act
        var pack = await BuildAsync(environment);

        // Assert
        var row = Assert.Single(pack.RoleAssignments);
        Assert.Equal($"unknown ({custom})", row.Role);
        Assert.Equal("system-assigned identity of func-weak", row.Principal);
        Assert.Equal("stweak", row.Scope);
        Assert.Contains(pack.Findings, finding => finding.Contains(custom, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_AppRetentionDiffersFromParameters_RowInconsistentAndReported()
    {
        // Arrange
        var site = Resource(SiteId, "Microsoft.Web/sites", "func-weak", new JsonObject
        {
            ["siteConfig"] = new JsonObject
            {
                ["appSettings"] = new JsonArray(
                    Setting("Audit__Retention__RecordsIntake__InteractiveDays", "30"),
                    Setting("Audit__Retention__RecordsIntake__TotalDays", "2190")),
            },
        });
        var table = Resource(Group + "/Microsoft.OperationalInsights/workspaces/log/tables/AuditRecordsIntake_CL",
            "Microsoft.OperationalInsights/workspaces/tables", "log/AuditRecordsIntake_CL", new JsonObject
            {
                ["retentionInDays"] = 90,
                ["totalRetentionInDays"] = 2557,
            });
        var parameters = new JsonObject
        {
            ["environmentName"] = "weak",
            ["auditRetention"] = new JsonObject
            {
                ["RecordsIntake"] = new JsonObject { ["retentionInDays"] = 90, ["totalRetentionInDays"] = 2557 },
            },
        };

        // Act
        var pack = await BuildAsync(EnvironmentWith(parameters, site, table));

        // Assert
        var row = Assert.Single(pack.AuditRetention, row => row.Workflow == Workflow.RecordsIntake);
        Assert.Equal((90, 2557, 90, 2557, 30, 2190), (row.ParameterInteractiveDays, row.ParameterTotalDays,
            row.TableInteractiveDays, row.TableTotalDays, row.AppInteractiveDays, row.AppTotalDays));
        Assert.False(row.Consistent);
        Assert.Contains(pack.Findings, finding =>
            finding.StartsWith("Audit retention of RecordsIntake differs", StringComparison.Ordinal));
    }

    private async Task<CompliancePack> BuildAsync(CompiledEnvironment environment)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddLocalAudit(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:Local:RootPath"] = auditRoot })
                .Build())
            .BuildServiceProvider();
        var builder = new CompliancePackBuilder(services.GetRequiredService<AuditTrailReader>(), TimeProvider.System);
        var routing = new RoutingRules(new Dictionary<DocumentType, string>(), "records-general", "records-review",
            0.6, new Dictionary<DocumentType, IReadOnlyList<string>>());
        var inputs = new PackInputs(new ConfigurationBuilder().AddInMemoryCollection(environment.AppSettings()).Build(),
            [], routing, auditRoot, null, DateTimeOffset.UtcNow);
        return await builder.BuildAsync(environment, inputs, CancellationToken.None);
    }

    private static CompiledEnvironment Environment(params JsonObject[] resources) =>
        EnvironmentWith(new JsonObject { ["environmentName"] = "weak" }, resources);

    private static CompiledEnvironment EnvironmentWith(JsonObject parameters, params JsonObject[] resources)
    {
        var sources = new EnvironmentSources("main.weak.bicepparam", "p", "main.bicep", "t", new string('0', 64), [],
            new Dictionary<string, string?>(), DeploymentContext.Placeholder("weak"), "test");
        return new CompiledEnvironment(sources, parameters, resources
            .Select(json => new TemplateResource(json["id"]!.ToString(), json["type"]!.ToString(),
                json["name"]!.ToString(), json))
            .ToList());
    }

    private static JsonObject Resource(string id, string type, string name, JsonObject properties) =>
        new() { ["id"] = id, ["type"] = type, ["name"] = name, ["location"] = "eastus2", ["properties"] = properties };

    private static JsonObject Setting(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
