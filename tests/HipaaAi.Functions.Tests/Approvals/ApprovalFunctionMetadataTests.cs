using System.Text.Json;
using HipaaAi.Functions.Approvals;

namespace HipaaAi.Functions.Tests.Approvals;

/// <summary>Reads the generated functions.metadata: the decision endpoint is what Teams links and flows call.</summary>
public sealed class ApprovalFunctionMetadataTests
{
    [Theory]
    [InlineData(ApprovalFunctions.DecisionFunction, "post")]
    [InlineData(ApprovalFunctions.DecisionLinkFunction, "get")]
    public void Metadata_DecisionEndpoint_IsAnHttpTriggerOnTheApprovalRoute(string functionName, string method)
    {
        // Arrange
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory,
            "functions.metadata")));
        var function = document.RootElement.EnumerateArray()
            .Single(item => item.GetProperty("name").GetString() == functionName);

        // Act
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("type").GetString() == "httpTrigger");

        // Assert
        Assert.Equal("approvals/{approvalId}/decision", trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(item => item.GetString()));
    }
}
