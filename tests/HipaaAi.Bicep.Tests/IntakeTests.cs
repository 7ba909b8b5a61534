namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class IntakeTests(BicepFixture bicep)
{
    private static readonly string[] InboxContainers = ["inbox-fax", "inbox-scan", "inbox-dictation", "inbox-claims"];

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_ContainersAndQueues_AreTheWorkflowOnesAndPrivate(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        string[] expectedContainers =
            [.. InboxContainers, "work", "records", "quarantine", "outbox", "app-package"];
        string[] expectedQueues =
        [
            "records-referrals", "records-results", "records-authorizations", "records-billing", "records-general",
            "records-review", "prior-auth-requests", "billing-claims",
        ];

        // Act
        var containers = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        var queues = snapshot.OfType("Microsoft.Storage/storageAccounts/queueServices/queues");

        // Assert
        Assert.Equal(expectedContainers.Order(), containers.Select(container => container.Name.Split('/')[^1]).Order());
        Assert.Equal(expectedQueues.Order(), queues.Select(queue => queue.Name.Split('/')[^1]).Order());
        Assert.All(containers, container => Assert.Equal("None", container.Text("properties.publicAccess")));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EventSubscription_BlobCreated_DeliversInboxBlobsToTheBlobExtensionWebhook(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var site = snapshot.One(ResourceTypes.Site);
        var storage = snapshot.One(ResourceTypes.StorageAccount);

        // Act
        var topic = snapshot.One("Microsoft.EventGrid/systemTopics");
        var subscription = snapshot.One("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var url = subscription.Text("properties.destination.properties.endpointUrl")!;
        var filter = Assert.Single(subscription.Node("properties.filter.advancedFilters")!.AsArray())!;

        // Assert
        Assert.Equal(storage.Id, topic.Text("properties.source"));
        Assert.Equal("WebHook", subscription.Text("properties.destination.endpointType"));
        Assert.StartsWith(
            "[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'", url,
            StringComparison.Ordinal);
        Assert.Contains("'RecordsIntakeBlobTrigger'", url, StringComparison.Ordinal);
        Assert.Contains($"listKeys('{site.Id}/host/default'", url, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", url, StringComparison.Ordinal);
        Assert.Equal(["Microsoft.Storage.BlobCreated"],
            subscription.Node("properties.filter.includedEventTypes")!.AsArray().Select(type => type!.ToString()));
        Assert.Equal("StringBeginsWith", filter["operatorType"]!.ToString());
        Assert.Equal("subject", filter["key"]!.ToString());
        Assert.Equal(
            InboxContainers.Select(container => $"/blobServices/default/containers/{container}/"),
            filter["values"]!.AsArray().Select(value => value!.ToString()));
    }
}
