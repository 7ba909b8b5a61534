namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class DiagnosticsTests(BicepFixture bicep)
{
    /// <summary>Deployed resource types that support diagnostic settings; each instance must send them.</summary>
    private static readonly string[] TypesWithDiagnostics =
    [
        "Microsoft.Network/virtualNetworks",
        ResourceTypes.Workspace,
        ResourceTypes.AppInsights,
        ResourceTypes.DataCollectionRule,
        ResourceTypes.StorageAccount,
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Storage/storageAccounts/queueServices",
        "Microsoft.Storage/storageAccounts/tableServices",
        "Microsoft.Storage/storageAccounts/fileServices",
        ResourceTypes.KeyVault,
        ResourceTypes.CognitiveAccount,
        ResourceTypes.Site,
        "Microsoft.EventGrid/systemTopics",
    ];

    /// <summary>Deployed resource types without diagnostic settings worth sending (or none at all).</summary>
    private static readonly string[] TypesWithoutDiagnostics =
    [
        ResourceTypes.PrivateDnsZone,
        "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
        ResourceTypes.PrivateEndpoint,
        ResourceTypes.DnsZoneGroup,
        ResourceTypes.WorkspaceTable,
        ResourceTypes.Lock,
        ResourceTypes.DataCollectionEndpoint,
        ResourceTypes.PrivateLinkScope,
        $"{ResourceTypes.PrivateLinkScope}/scopedResources",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.Storage/storageAccounts/queueServices/queues",
        "Microsoft.CognitiveServices/accounts/deployments",
        "Microsoft.Web/serverfarms",
        ResourceTypes.BasicPublishingCredentials,
        ResourceTypes.RoleAssignment,
        "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        ResourceTypes.DiagnosticSetting,
    ];

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void ResourceTypes_EveryDeployedType_IsClassifiedForDiagnostics(string environment)
    {
        // Arrange
        var known = TypesWithDiagnostics.Concat(TypesWithoutDiagnostics).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Act
        var unclassified = bicep.SnapshotOf(environment).Resources
            .Select(resource => resource.Type)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(type => !known.Contains(type))
            .ToList();

        // Assert
        Assert.Empty(unclassified);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DiagnosticSettings_EverySupportingResource_SendsToTheWorkspace(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var workspaceId = snapshot.One(ResourceTypes.Workspace).Id;
        var settings = snapshot.OfType(ResourceTypes.DiagnosticSetting);
        var monitored = TypesWithDiagnostics.SelectMany(snapshot.OfType).ToList();

        // Act
        var missing = monitored
            .Where(resource => !settings.Any(setting =>
                setting.Id.StartsWith(
                    $"{resource.Id}/providers/{ResourceTypes.DiagnosticSetting}/", StringComparison.Ordinal)
                && setting.Text("properties.workspaceId") == workspaceId))
            .Select(resource => resource.Id)
            .ToList();

        // Assert
        Assert.True(monitored.Count >= TypesWithDiagnostics.Length, "A monitored resource type was not deployed.");
        Assert.Empty(missing);
    }
}
