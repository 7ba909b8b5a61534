namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class AuditWorkspaceTests(BicepFixture bicep)
{
    private static readonly string[] Workflows = ["RecordsIntake", "Dictation", "PriorAuth", "BillingReview"];

    private static readonly (string Name, string Type)[] AuditColumns =
    [
        ("TimeGenerated", "datetime"), ("Workflow", "string"), ("InstanceId", "string"), ("Activity", "string"),
        ("Attempt", "int"), ("Actor", "string"), ("Subject", "string"), ("Action", "string"), ("Outcome", "string"),
        ("DurationMs", "real"), ("Detail", "string"), ("AiService", "string"), ("Deployment", "string"),
        ("Model", "string"), ("InputTokens", "int"), ("OutputTokens", "int"), ("RequestCharacters", "int"),
        ("ResponseCharacters", "int"), ("RetentionClass", "string"),
    ];

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    public static TheoryData<string, string> EnvironmentWorkflows
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var environment in BicepFixture.Environments)
            {
                foreach (var workflow in Workflows)
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
    public void AuditTable_Workflow_HasExactlyItsParameterRetention(string environment, string workflow)
    {
        // Arrange
        var expected = bicep.ParametersOf(environment)["auditRetention"]!["value"]![workflow]!;
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
    [InlineData("RecordsIntake")]
    [InlineData("Dictation")]
    [InlineData("PriorAuth")]
    [InlineData("BillingReview")]
    public void AuditTable_Production_KeepsAtLeastSixYears(string workflow)
    {
        // Arrange
        const int hipaaDocumentationDays = 2192;
        var tables = bicep.SnapshotOf("prod").OfType(ResourceTypes.WorkspaceTable);

        // Act
        var table = Assert.Single(tables, table => IsTableOf(table, workflow));

        // Assert
        Assert.InRange(table.Node("properties.totalRetentionInDays")!.GetValue<int>(), hipaaDocumentationDays, 4383);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditTables_Schema_HaveTheAuditColumnsInOrder(string environment)
    {
        // Arrange
        var tables = bicep.SnapshotOf(environment).OfType(ResourceTypes.WorkspaceTable);

        // Act
        var schemas = tables.Select(table => table.Node("properties.schema.columns")!.AsArray()
            .Select(column => (column!["name"]!.ToString(), column["type"]!.ToString()))
            .ToArray()).ToList();

        // Assert
        Assert.Equal(Workflows.Length, schemas.Count);
        Assert.All(schemas, schema => Assert.Equal(AuditColumns, schema));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataCollectionRule_Streams_DeclareAndRouteOneStreamPerTable(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var rule = snapshot.One(ResourceTypes.DataCollectionRule);
        var endpoint = snapshot.One(ResourceTypes.DataCollectionEndpoint);
        var expectedStreams = Workflows.Select(workflow => $"Custom-Audit{workflow}_CL").Order().ToList();

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

    private static bool IsTableOf(PredictedResource table, string workflow) =>
        table.Name.EndsWith($"/Audit{workflow}_CL", StringComparison.Ordinal);
}
