using HipaaAi.Shared.Audit;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class AuditTableSchemaTests
{
    [Fact]
    public void ToSchemaJson_ComparedWithDocsFile_IsIdentical()
    {
        // Arrange: the Bicep templates are written against docs/audit-table-schema.json; it must not drift.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HipaaAi.Functions.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var documented = File.ReadAllText(Path.Combine(directory.FullName, "docs", "audit-table-schema.json"));

        // Act
        var generated = AuditTableSchema.ToSchemaJson();

        // Assert
        Assert.Equal(generated, documented);
    }

    [Fact]
    public void ToRow_Event_HasEveryColumnInSchemaOrderStartingWithTimeGenerated()
    {
        // Arrange
        var auditEvent = Event(4);

        // Act
        var row = AuditTableSchema.ToRow(auditEvent);

        // Assert
        Assert.Equal(AuditTableSchema.Columns.Select(column => column.Name), row.Select(pair => pair.Key));
        Assert.Equal("TimeGenerated", row.First().Key);
        Assert.Equal("gpt-4o", row["Model"]!.GetValue<string>());
        Assert.Equal(1200, row["InputTokens"]!.GetValue<int>());
        Assert.Null(row["OutputTokens"]);
        Assert.Equal("RecordsIntake", row["Workflow"]!.GetValue<string>());
    }

    [Fact]
    public void EventIdFor_SameEventTwiceAndChangedEvent_StableAndDistinct()
    {
        // Arrange
        var first = Event(1);
        var copy = first with { };
        var changed = first with { Outcome = "Failed" };

        // Act + Assert
        Assert.Equal(AuditTableSchema.EventIdFor(first), AuditTableSchema.EventIdFor(copy));
        Assert.NotEqual(AuditTableSchema.EventIdFor(first), AuditTableSchema.EventIdFor(changed));
        Assert.Matches("^[0-9a-f]{32}$", AuditTableSchema.EventIdFor(first));
    }

    [Theory]
    [InlineData(Workflow.RecordsIntake, "AuditRecordsIntake_CL", "Custom-AuditRecordsIntake_CL", "records-intake")]
    [InlineData(Workflow.Dictation, "AuditDictation_CL", "Custom-AuditDictation_CL", "dictation")]
    [InlineData(Workflow.PriorAuthorization, "AuditPriorAuth_CL", "Custom-AuditPriorAuth_CL", "prior-auth")]
    [InlineData(Workflow.BillingReview, "AuditBillingReview_CL", "Custom-AuditBillingReview_CL", "billing-review")]
    public void AuditTables_Workflow_HasAgreedTableStreamAndSlug(Workflow workflow, string table, string stream, string slug)
    {
        // Act + Assert
        Assert.Equal(table, AuditTables.TableFor(workflow));
        Assert.Equal(stream, AuditTables.StreamFor(workflow));
        Assert.Equal(slug, AuditTables.SlugFor(workflow));
    }
}
