using HipaaAi.Shared.Storage;

namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class IntakeTests(BicepFixture bicep)
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_Containers_AreTheServedOnesAndPrivate(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        string[] expected = [.. StorageNames.AllContainers, "audit-outbox", "app-package"];

        // Act
        var containers = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        // Assert
        Assert.Equal(expected.Order(), containers.Select(container => container.Name.Split('/')[^1]).Order());
        Assert.All(containers, container => Assert.Equal("None", container.Text("properties.publicAccess")));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EventSubscriptions_BlobCreated_DeliverOnlyNewBlobsToTheBlobExtensionWebhook(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var site = snapshot.One(ResourceTypes.Site);
        var storage = snapshot.One(ResourceTypes.StorageAccount);

        // Act
        var topic = snapshot.One("Microsoft.EventGrid/systemTopics");
        var subscriptions = snapshot.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        // Assert
        Assert.Equal(storage.Id, topic.Text("properties.source"));
        // One per records inbox, one for the dictation inbox and one for the billing claims inbox.
        Assert.Equal(StorageNames.RecordsInboxes.Count + 2, subscriptions.Count);
        Assert.All(subscriptions, subscription =>
        {
            Assert.Equal("WebHook", subscription.Text("properties.destination.endpointType"));
            Assert.Equal("1", subscription.Text("properties.destination.properties.maxEventsPerBatch"));
            var url = subscription.Text("properties.destination.properties.endpointUrl")!;
            Assert.Contains($"listKeys('{site.Id}/host/default'", url, StringComparison.Ordinal);
            Assert.Contains(".systemKeys.blobs_extension", url, StringComparison.Ordinal);
            Assert.Equal(["Microsoft.Storage.BlobCreated"],
                subscription.Node("properties.filter.includedEventTypes")!.AsArray().Select(type => type!.ToString()));
            Assert.Null(subscription.Node("properties.filter.advancedFilters"));
        });
    }
}
