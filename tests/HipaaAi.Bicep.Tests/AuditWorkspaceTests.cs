using HipaaAi.Shared.Audit;

namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class AuditWorkspaceTests(BicepFixture bicep)
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    public static TheoryData<string, Workflow> EnvironmentWorkflows
    {
        get
        {
            var data = new TheoryData<string, Workflow>();
            foreach (var environment in BicepFixture.Environments)
            {
                foreach (var workflow in AuditTables.Workflows)
                {
                    data.Add(environment, workflow);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WorkspaceLock_Environment_IsCanNotDeleteOnTheWorkspace(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var workspace = snapshot.One(ResourceTypes.Workspace);

        // Act
        var locks = snapshot.OfType(ResourceTypes.Lock)
            .Where(resourceLock => resourceLock.Id.StartsWith($"{workspace.Id}/providers/", StringComparison.Ordinal))
            .ToList();

        // Assert
        var workspaceLock = Assert.Single(locks);
        Assert.Equal("CanNotDelete", workspaceLock.Text("properties.level"));
    }

    [Theory]
    [MemberData(nameof(EnvironmentWorkflows))]
    public void AuditTable_Workflow_HasExactlyItsParameterRetention(string environment, Workflow workflow)
    {
        // Arrange
        var expected = bicep.ParametersOf(environment)["auditRetention"]!["value"]![workflow.ToString()]!;
        var tables = bicep.SnapshotOf(environment).OfType(ResourceTypes.WorkspaceTable);

        // Act
        var table = Assert.Single(tables, table => IsTableOf(table, workflow));

        // Assert
        Assert.Equal(expected["retentionInDays"]!.GetValue<int>(),
            table.Node("properties.retentionInDays")!.GetValue<int>());
        Assert.Equal(expected["totalRetentionInDays"]!.GetValue<int>(),
            table.Node("properties.totalRetentionInDays")!.GetValue<int>());
        Assert.Equal("Analytics", table.Text("properties.plan"));
    }

    [Theory]
    [MemberData(nameof(EnvironmentWorkflows))]
    public void AuditTable_EveryEnvironment_KeepsAtLeastSixYears(string environment, Workflow workflow)
    {
        // Arrange: the app refuses to start below the same floor, so no environment may configure less.
        var tables = bicep.SnapshotOf(environment).OfType(ResourceTypes.WorkspaceTable);

        // Act
        var table = Assert.Single(tables, table => IsTableOf(table, workflow));

        // Assert
        Assert.InRange(table.Node("properties.totalRetentionInDays")!.GetValue<int>(),
            RetentionPolicy.HipaaMinimumTotalDays, RetentionPolicy.MaxTotalDays);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataCollectionRule_Streams_DeclareAndRouteOneStreamPerTable(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var rule = snapshot.One(ResourceTypes.DataCollectionRule);
        var endpoint = snapshot.One(ResourceTypes.DataCollectionEndpoint);
        var expectedStreams = AuditTables.Workflows.Select(AuditTables.StreamFor).Order().ToList();

        // Act
        var declared = rule.Node("properties.streamDeclarations")!.AsObject().Select(stream => stream.Key).Order();
        var flows = rule.Node("properties.dataFlows")!.AsArray()
            .Select(flow => (Input: Assert.Single(flow!["streams"]!.AsArray())!.ToString(),
                Output: flow["outputStream"]!.ToString()))
            .ToList();

        // Assert
        Assert.Equal(expectedStreams, declared);
        Assert.Equal(expectedStreams, flows.Select(flow => flow.Input).Order());
        Assert.All(flows, flow => Assert.Equal(flow.Input, flow.Output));
        Assert.Equal(endpoint.Id, rule.Text("properties.dataCollectionEndpointId"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void PrivateLinkScope_AccessModes_ArePrivateOnlyWithWorkspaceAndEndpointInScope(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var scope = snapshot.One(ResourceTypes.PrivateLinkScope);

        // Act
        var linked = snapshot.OfType($"{ResourceTypes.PrivateLinkScope}/scopedResources")
            .Select(scoped => scoped.Text("properties.linkedResourceId"))
            .ToList();

        // Assert
        Assert.Equal("PrivateOnly", scope.Text("properties.accessModeSettings.ingestionAccessMode"));
        Assert.Equal("PrivateOnly", scope.Text("properties.accessModeSettings.queryAccessMode"));
        Assert.Contains(snapshot.One(ResourceTypes.Workspace).Id, linked);
        Assert.Contains(snapshot.One(ResourceTypes.DataCollectionEndpoint).Id, linked);
        Assert.Contains(snapshot.One(ResourceTypes.AppInsights).Id, linked);
    }

    private static bool IsTableOf(PredictedResource table, Workflow workflow) =>
        table.Name.EndsWith($"/{AuditTables.TableFor(workflow)}", StringComparison.Ordinal);
}
