namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class RoleAssignmentTests(BicepFixture bicep)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";
    private const string CognitiveServicesOpenAiUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void RoleAssignments_Environment_GrantExactlyTheAllowedRolesOnTheirScopes(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var accounts = snapshot.OfType(ResourceTypes.CognitiveAccount).ToDictionary(account => account.Text("kind")!);
        var expected = new[]
        {
            (Scope: snapshot.One(ResourceTypes.StorageAccount).Id, Role: StorageBlobDataOwner),
            (Scope: snapshot.One(ResourceTypes.StorageAccount).Id, Role: StorageQueueDataContributor),
            (Scope: snapshot.One(ResourceTypes.StorageAccount).Id, Role: StorageTableDataContributor),
            (Scope: snapshot.One(ResourceTypes.KeyVault).Id, Role: KeyVaultSecretsUser),
            (Scope: accounts["FormRecognizer"].Id, Role: CognitiveServicesUser),
            (Scope: accounts["OpenAI"].Id, Role: CognitiveServicesOpenAiUser),
            (Scope: snapshot.One(ResourceTypes.DataCollectionRule).Id, Role: MonitoringMetricsPublisher),
            (Scope: snapshot.One(ResourceTypes.AppInsights).Id, Role: MonitoringMetricsPublisher),
        };

        // Act
        var actual = snapshot.OfType(ResourceTypes.RoleAssignment)
            .Select(assignment => (
                Scope: ScopeOf(assignment),
                Role: assignment.Text("properties.roleDefinitionId")!.Split('/')[^1]))
            .ToList();

        // Assert
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void RoleAssignments_Environment_GoOnlyToTheFunctionAppIdentityWithGuidNames(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var site = snapshot.One(ResourceTypes.Site);
        var appPrincipal = $"reference('{site.Id}', '2024-11-01', 'full').identity.principalId";

        // Act
        var assignments = snapshot.OfType(ResourceTypes.RoleAssignment);

        // Assert
        Assert.Equal(8, assignments.Count);
        Assert.All(assignments, assignment =>
        {
            var role = assignment.Text("properties.roleDefinitionId")!.Split('/')[^1];
            Assert.Equal($"[{appPrincipal}]", assignment.Text("properties.principalId"));
            Assert.Equal("ServicePrincipal", assignment.Text("properties.principalType"));
            Assert.Equal($"[guid('{ScopeOf(assignment)}', {appPrincipal}, '{role}')]", assignment.Name);
        });
    }

    // Snapshot ids of extension resources read "[extensionResourceId('<scope>', ...)]".
    private static string ScopeOf(PredictedResource assignment) =>
        assignment.Id.Split('\'')[1];
}
