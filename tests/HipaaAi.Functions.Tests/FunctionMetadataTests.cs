using System.Text.Json;
using HipaaAi.Functions.Dictation;
using HipaaAi.Functions.BillingReview;
using HipaaAi.Functions.RecordsIntake;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so these tests read the metadata the worker SDK generates at build time
/// (what the host would load) and hold it against the catalog the local host registers.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Functions = new(LoadMetadata);

    [Fact]
    public void Metadata_EveryCatalogActivity_HasAnActivityTriggerFunctionOfTheSameName()
    {
        // Arrange
        var expected = WorkflowCatalog.Activities.Select(activity => activity.Name).Order().ToList();

        // Act
        var actual = NamesWithTrigger("activityTrigger");

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Metadata_EveryCatalogOrchestrator_HasAnOrchestrationTriggerFunctionOfTheSameName()
    {
        // Arrange
        var expected = WorkflowCatalog.Orchestrators.Select(orchestrator => orchestrator.Name).Order().ToList();

        // Act
        var actual = NamesWithTrigger("orchestrationTrigger");

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(RecordsIntakeFunctions.FaxInboxTrigger, StorageNames.FaxInbox)]
    [InlineData(RecordsIntakeFunctions.ScanInboxTrigger, StorageNames.ScanInbox)]
    [InlineData(DictationFunctions.InboxTrigger, StorageNames.DictationInbox)]
    [InlineData(BillingReviewFunctions.ClaimsInboxTrigger, StorageNames.ClaimsInbox)]
    public void Metadata_InboxTrigger_IsAnEventGridBlobTriggerOnItsContainerWithTheProductConnection(
        string functionName,
        string container)
    {
        // Arrange
        var function = Functions.Value.Single(item => item.GetProperty("name").GetString() == functionName);

        // Act
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == "blobTrigger");

        // Assert
        Assert.Equal($"{container}/{{name}}", trigger.GetProperty("path").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(),
            binding => binding.GetProperty("type").GetString() == "durableClient");
    }

    [Theory]
    [InlineData("ApprovalDecision", "post", "approvals/{approvalId}/decision")]
    [InlineData("ApprovalDecisionLink", "get", "approvals/{approvalId}/decision")]
    [InlineData("RecordViewer", "get", "records/{recordId}")]
    public void Metadata_StaffEndpoint_IsAnAnonymousHttpTriggerOnItsRoute(string name, string method, string route)
    {
        // Act: anonymous at the Functions level; App Service authentication and the services behind decide access.
        var function = Functions.Value.Single(item => item.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == "httpTrigger");

        // Assert
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
    }

    [Fact]
    public void Metadata_ClaimsQueueTrigger_ReadsTheBillingClaimsQueueWithTheProductConnection()
    {
        // Arrange
        var function = Functions.Value.Single(item =>
            item.GetProperty("name").GetString() == BillingReviewFunctions.ClaimsQueueTrigger);

        // Act
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == "queueTrigger");

        // Assert
        Assert.Equal(BillingQueues.Claims, trigger.GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(),
            binding => binding.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void Metadata_EveryFunction_IsATriggerTheProductKnows()
    {
        // Arrange
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "activityTrigger", "orchestrationTrigger", "blobTrigger", "queueTrigger", "httpTrigger", "timerTrigger",
        };

        // Act
        var triggers = Functions.Value.Select(function => function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("direction").GetString() == "In"
                && binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .GetProperty("type").GetString()!);

        // Assert
        Assert.All(triggers, trigger => Assert.Contains(trigger, known));
    }

    private static List<string> NamesWithTrigger(string triggerType) =>
        Functions.Value
            .Where(function => function.GetProperty("bindings").EnumerateArray()
                .Any(binding => binding.GetProperty("type").GetString() == triggerType))
            .Select(function => function.GetProperty("name").GetString()!)
            .Order()
            .ToList();

    private static IReadOnlyList<JsonElement> LoadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Functions build did not produce functions.metadata.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(element => element.Clone())];
    }
}
