using System.Text.Json;
using HipaaAi.Functions.PriorAuthorization;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Functions.Tests.PriorAuthorization;

public sealed class PriorAuthorizationFunctionMetadataTests
{
    [Fact]
    public void Metadata_RequestTrigger_IsAQueueTriggerOnTheRequestQueueWithTheProductConnectionAndADurableClient()
    {
        // Arrange
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var function = document.RootElement.EnumerateArray()
            .Single(item => item.GetProperty("name").GetString() == PriorAuthorizationFunctions.RequestQueueTrigger);

        // Act
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == "queueTrigger");

        // Assert
        Assert.Equal(PriorAuthQueues.Requests, trigger.GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(),
            binding => binding.GetProperty("type").GetString() == "durableClient");
    }
}
