using System.Text.Json.Nodes;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Compliance;
using HipaaAi.Shared.Phi;

namespace HipaaAi.Bicep.Tests.Compliance;

/// <summary>
/// Generates the evidence pack from the project's own Bicep environments and a locally written audit trail, and
/// holds every statement it makes against the snapshot the Bicep tests predict independently.
/// </summary>
[Collection(BicepTemplates.Name)]
public sealed class CompliancePackTests(BicepFixture bicep, CompliancePackFixture packs)
    : IClassFixture<CompliancePackFixture>
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Safeguards_EveryPrivateEndpointTarget_ListedWithItsSubResources(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "safeguards.csv"));

        // Act
        var endpoints = snapshot.OfType(ResourceTypes.PrivateEndpoint)
            .Select(endpoint => endpoint.Node("properties.privateLinkServiceConnections")!.AsArray()[0]!["properties"]!)
            .Select(link => (
                Target: link["privateLinkServiceId"]!.GetValue<string>().Split('/')[^1],
                Group: link["groupIds"]!.AsArray()[0]!.GetValue<string>()))
            .ToList();

        // Assert
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            var row = Assert.Single(rows, row => row["resource"] == endpoint.Target);
            Assert.Contains(endpoint.Group, row["private endpoints"].Split(", "));
        });
        var privateRows = rows.Where(row => row["private endpoints"] is not ("none" or "")).ToList();
        Assert.All(privateRows, row => Assert.True(
            endpoints.Any(endpoint => endpoint.Target == row["resource"]) || row["private endpoints"].StartsWith("via ",
                StringComparison.Ordinal), $"{row["resource"]} claims a private endpoint the template does not have"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Safeguards_StorageAndAiAccounts_ShowSharedKeysAndLocalAuthOff(string environment)
    {
        // Arrange
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "safeguards.csv"));
        var snapshot = bicep.SnapshotOf(environment);

        // Act
        var storage = Assert.Single(rows, row => row["type"] == ResourceTypes.StorageAccount);
        var accounts = rows.Where(row => row["type"] == ResourceTypes.CognitiveAccount).ToList();
        var workspace = Assert.Single(rows, row => row["type"] == ResourceTypes.Workspace);

        // Assert
        Assert.Contains("shared keys off", storage["authentication"], StringComparison.Ordinal);
        Assert.Contains($"minimum {snapshot.One(ResourceTypes.StorageAccount).Text("properties.minimumTlsVersion")}",
            storage["in transit"], StringComparison.Ordinal);
        Assert.Contains("public network access Disabled", storage["network exposure"], StringComparison.Ordinal);
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, row => Assert.Contains("local auth off", row["authentication"], StringComparison.Ordinal));
        Assert.StartsWith("CanNotDelete", workspace["lock"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Retention_PerWorkflow_EqualsTheParameterFile(string environment)
    {
        // Arrange
        var parameters = bicep.ParametersOf(environment);
        var retention = parameters["auditRetention"]!["value"]!;
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "audit-retention.csv"));
        var storage = Csv.Read(Path.Combine(packs.Folders[environment], "storage-retention.csv"));

        // Act
        var byWorkflow = rows.ToDictionary(row => row["workflow"]);

        // Assert
        Assert.Equal(AuditTables.Workflows.Count, rows.Count);
        foreach (var workflow in AuditTables.Workflows)
        {
            var row = byWorkflow[workflow.ToString()];
            var interactive = retention[workflow.ToString()]!["retentionInDays"]!.ToString();
            var total = retention[workflow.ToString()]!["totalRetentionInDays"]!.ToString();
            Assert.Equal(interactive, row["interactive days (parameters)"]);
            Assert.Equal(total, row["total days (parameters)"]);
            Assert.Equal(interactive, row["interactive days (table)"]);
            Assert.Equal(total, row["total days (app)"]);
            Assert.Equal("yes", row["consistent"]);
        }

        var softDelete = Assert.Single(storage, row => row["setting"] == "soft delete of deleted blobs");
        Assert.Equal($"{parameters["storageDeleteRetentionDays"]!["value"]} days", softDelete["value"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AccessControls_EveryRoleAssignment_AppearsWithItsBuiltInRoleName(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "role-assignments.csv"));
        var site = snapshot.One(ResourceTypes.Site);

        // Act
        var expected = snapshot.OfType(ResourceTypes.RoleAssignment)
            .Select(assignment => (
                Role: assignment.Text("properties.roleDefinitionId")!.Split('/')[^1],
                Scope: assignment.Id.Split('\'')[1].Split('/')[^1]))
            .Order()
            .ToList();
        var actual = rows.Select(row => (Role: row["role definition id"], Scope: row["scope"])).Order().ToList();

        // Assert
        Assert.Equal(expected, actual);
        Assert.All(rows, row =>
        {
            Assert.DoesNotContain("unknown", row["role"], StringComparison.Ordinal);
            Assert.Equal($"system-assigned identity of {site.Name}", row["principal"]);
        });
        Assert.Contains(rows, row => row["role"] == "Cognitive Services OpenAI User");
    }

    [Fact]
    public void AccessControls_DeciderRolesFromConfiguration_ListedPerWorkflow()
    {
        // Arrange
        var rows = Csv.Read(Path.Combine(packs.Folders["prod"], "approval-roles.csv"));

        // Act
        var recordReview = Assert.Single(rows, row => row["approval kind"] == "RecordReview");
        var noteSignature = Assert.Single(rows, row => row["approval kind"] == "NoteSignature");

        // Assert
        Assert.Equal("RecordsIntake", recordReview["workflow"]);
        Assert.Equal("RecordsReviewer; RecordsSupervisor", recordReview["roles that may decide"]);
        Assert.Equal("Provider", noteSignature["roles that may decide"]);
        Assert.DoesNotContain(packs.Packs["prod"].Findings, finding =>
            finding.Contains("DeciderRoles", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Subprocessors_ModelDeployments_EqualTheParameterFile(string environment)
    {
        // Arrange
        var deployments = bicep.ParametersOf(environment)["openAiDeployments"]!["value"]!.AsArray();
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "model-deployments.csv"));

        // Act
        var expected = deployments.Select(deployment => (
            deployment!["name"]!.ToString(), deployment["model"]!.ToString(), deployment["version"]!.ToString(),
            deployment["capacity"]!.ToString())).Order().ToList();
        var actual = rows.Select(row => (row["deployment"], row["model"], row["version"],
            row["capacity (k tokens/min)"])).Order().ToList();

        // Assert
        Assert.Equal(expected, actual);
        Assert.All(rows, row => Assert.DoesNotContain("not referenced", row["used for"], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Activity_AuditTrail_CountsEqualTheEventsWrittenInThePeriod(string environment)
    {
        // Arrange
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "activity.csv"));
        var instances = Csv.Read(Path.Combine(packs.Folders[environment], "instances.csv"));

        // Act
        var byWorkflow = rows.ToDictionary(row => row["workflow"]);

        // Assert
        foreach (var workflow in AuditTables.Workflows)
        {
            var plan = CompliancePackFixture.PlanFor(workflow);
            var row = byWorkflow[workflow.ToString()];
            Assert.Equal(plan.EventsInPeriod.ToString(), row["audit events"]);
            Assert.Equal(plan.Documents.ToString(), row["documents"]);
            Assert.Equal(plan.ModelCalls.ToString(), row["model calls"]);
            Assert.Equal(plan.Decisions.ToString(), row["human decisions"]);
            Assert.Equal(plan.Refusals.ToString(), row["refused decisions"]);
            Assert.Equal(plan.RecordAccesses.ToString(), row["record accesses"]);
            Assert.Equal(plan.Quarantines.ToString(), row["quarantines"]);
            Assert.Equal(plan.Failures.ToString(), row["failures"]);
            Assert.Equal(plan.Documents, instances.Count(instance => instance["workflow"] == workflow.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Activity_IntactChains_ShownWithEveryRecordVerified(string environment)
    {
        // Arrange
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "audit-chain.csv"));

        // Act
        var byWorkflow = rows.ToDictionary(row => row["workflow"]);

        // Assert
        foreach (var workflow in AuditTables.Workflows)
        {
            var plan = CompliancePackFixture.PlanFor(workflow);
            Assert.Equal("yes", byWorkflow[workflow.ToString()]["intact"]);
            Assert.Equal((plan.EventsInPeriod + ActivityPlan.EventsBeforePeriod).ToString(),
                byWorkflow[workflow.ToString()]["records verified"]);
        }
    }

    [Fact]
    public async Task Activity_EditedAuditRecord_ShownAsBrokenChainAndFinding()
    {
        // Arrange
        var audit = Path.Combine(packs.Root, "audit-tampered");
        CopyFolder(packs.AuditRoot, audit);
        var segment = Directory.EnumerateFiles(Path.Combine(audit, AuditTables.SlugFor(Workflow.Dictation)), "*.jsonl")
            .Single();
        var lines = File.ReadAllLines(segment);
        lines[3] = lines[3].Replace("\"Succeeded\"", "\"Skipped\"", StringComparison.Ordinal);
        File.WriteAllLines(segment, lines);
        var folder = Path.Combine(packs.Root, "pack-tampered");

        // Act
        var pack = await CompliancePackFixture.GenerateAsync(packs.Environments["dev"], audit, folder, []);

        // Assert
        var rows = Csv.Read(Path.Combine(folder, "audit-chain.csv")).ToDictionary(row => row["workflow"]);
        Assert.Equal("no", rows[nameof(Workflow.Dictation)]["intact"]);
        Assert.Equal("4", rows[nameof(Workflow.Dictation)]["first broken sequence"]);
        Assert.Equal(nameof(ChainProblem.HashMismatch), rows[nameof(Workflow.Dictation)]["problem"]);
        Assert.Equal("yes", rows[nameof(Workflow.RecordsIntake)]["intact"]);
        Assert.Contains("audit chain of Dictation is broken at sequence 4",
            await File.ReadAllTextAsync(Path.Combine(folder, CompliancePackWriter.Index)), StringComparison.Ordinal);
        Assert.Contains(pack.Findings, finding => finding.Contains("Dictation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Findings_ApprovalSettingTheAppDoesNotRead_Reported()
    {
        // Arrange
        var configuration = Path.Combine(packs.Root, "unread-setting.json");
        await File.WriteAllTextAsync(configuration,
            """{ "Approvals": { "DeciderRole": { "RecordReview": [ "X" ] } } }""");
        var folder = Path.Combine(packs.Root, "pack-unread-setting");

        // Act
        var pack = await CompliancePackFixture.GenerateAsync(packs.Environments["dev"], packs.AuditRoot, folder,
            [configuration]);

        // Assert
        Assert.Contains(pack.Findings, finding =>
            finding.StartsWith("The setting Approvals:DeciderRole is not read by the app", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Pack_CanaryPhiInAuditTrailAndConfiguration_AppearsNowhereInThePack(string environment)
    {
        // Arrange
        var folder = packs.Folders[environment];
        var trail = CanaryScanner.ScanFolder(packs.AuditRoot, "*.jsonl");

        // Act
        var hits = new[] { "*.md", "*.csv", "*.dot" }
            .SelectMany(pattern => CanaryScanner.ScanFolder(folder, pattern))
            .ToList();

        // Assert
        Assert.NotEmpty(trail); // the canary really is in the source the pack reads
        Assert.Empty(hits);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataFlow_Diagram_RenderedFromDotSourceNamingEveryStore(string environment)
    {
        // Arrange
        var folder = packs.Folders[environment];
        var snapshot = bicep.SnapshotOf(environment);
        var dot = File.ReadAllText(Path.Combine(folder, CompliancePackWriter.DotFile));
        var png = File.ReadAllBytes(Path.Combine(folder, CompliancePackWriter.ImageFile));

        // Act
        var containers = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(container => container.Name.Split('/')[^1])
            .Where(name => name != StoreRoles.DeploymentPackage)
            .ToList();
        var queues = snapshot.OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(queue => queue.Name.Split('/')[^1]);
        var accounts = snapshot.OfType(ResourceTypes.CognitiveAccount).Select(account => account.Name);

        // Assert
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.All(containers, name => Assert.Contains($"container {name}", dot, StringComparison.Ordinal));
        Assert.All(queues, name => Assert.Contains(name, dot, StringComparison.Ordinal));
        Assert.All(accounts, name => Assert.Contains(name, dot, StringComparison.Ordinal));
        Assert.All(snapshot.OfType(ResourceTypes.WorkspaceTable),
            table => Assert.Contains($"table {table.Name.Split('/')[^1]}", dot, StringComparison.Ordinal));
        Assert.Contains($"/api/{HipaaAi.Functions.Approvals.ApprovalFunctions.DecisionRoute}", dot,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataFlow_TeamsCard_ListsTheBuilderElementsAndMaskedFacts(string environment)
    {
        // Arrange
        var rows = Csv.Read(Path.Combine(packs.Folders[environment], "teams-card-fields.csv"));

        // Act
        var facts = Assert.Single(rows, row => row["element"] == "FactSet");

        // Assert
        Assert.Contains("at most 12 facts", facts["limit"], StringComparison.Ordinal);
        Assert.Contains(rows, row => row["shows"].Contains("{title}", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row["shows"].Contains("1970", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_Sources_NameTheHashedFilesAndThePeriod()
    {
        // Arrange
        var index = File.ReadAllText(Path.Combine(packs.Folders["prod"], CompliancePackWriter.Index));
        var parameterFile = Path.Combine(BicepCli.SourceFolder, "main.prod.bicepparam");

        // Act
        var parameterHash = BicepCompiler.Sha256Of(parameterFile);
        var templateHash = BicepCompiler.Sha256Of(Path.Combine(BicepCli.SourceFolder, "main.bicep"));

        // Assert
        Assert.Contains($"`bicep/main.prod.bicepparam` | `{parameterHash}`", index, StringComparison.Ordinal);
        Assert.Contains($"`bicep/main.bicep` | `{templateHash}`", index, StringComparison.Ordinal);
        Assert.Contains(BicepCompiler.Sha256Of(packs.ConfigurationFile), index, StringComparison.Ordinal);
        Assert.Contains("from 2026-11-01 00:00:00 UTC to 2026-12-01 00:00:00 UTC", index, StringComparison.Ordinal);
        Assert.Contains("`docs/audit-table-schema.json`", index, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(packs.Folders["prod"]).Where(file => !file.EndsWith("README.md",
                     StringComparison.Ordinal)))
        {
            Assert.Contains($"`{BicepCompiler.Sha256Of(file)}`", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Writer_DotMissing_FailsWithSetupHintAndWritesNothing()
    {
        // Arrange
        var folder = Path.Combine(packs.Root, "pack-without-dot");
        var writer = new CompliancePackWriter(new GraphvizRenderer("dot-that-is-not-installed"));

        // Act
        var failure = await Assert.ThrowsAsync<ComplianceToolException>(() =>
            writer.WriteAsync(packs.Packs["dev"], folder, CancellationToken.None));

        // Assert
        Assert.Contains("graphviz", failure.Message, StringComparison.Ordinal);
        Assert.Contains("./hipaa setup", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
