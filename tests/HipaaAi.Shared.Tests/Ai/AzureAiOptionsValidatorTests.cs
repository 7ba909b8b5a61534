using HipaaAi.Shared.Ai;

namespace HipaaAi.Shared.Tests.Ai;

public sealed class AzureAiOptionsValidatorTests
{
    [Theory]
    [InlineData("https://di.example.net/", "https://aoai.example.net/", "records-chat", true)]
    [InlineData("http://di.example.net/", null, null, false)]
    [InlineData(null, "http://aoai.example.net/", "records-chat", false)]
    [InlineData(null, "https://aoai.example.net/", null, false)]
    [InlineData(null, null, null, false)]
    public void Validate_Endpoints_RequiresHttpsAndDeployment(
        string? documentIntelligence, string? openAi, string? deployment, bool expected)
    {
        // Arrange
        var options = new AzureAiOptions
        {
            DocumentIntelligenceEndpoint = documentIntelligence is null ? null : new Uri(documentIntelligence),
            OpenAiEndpoint = openAi is null ? null : new Uri(openAi),
            ChatDeployment = deployment,
        };

        // Act
        var result = new AzureAiOptionsValidator().Validate(null, options);

        // Assert
        Assert.Equal(expected, result.Succeeded);
    }

    [Theory]
    [InlineData("2024-10-21", true)]
    [InlineData("2024-06-01", true)]
    [InlineData("2023-05-15", false)]
    [InlineData("latest", false)]
    public void Validate_OpenAiApiVersion_AcceptsOnlyVersionsTheClientKnows(string version, bool expected)
    {
        // Arrange
        var options = new AzureAiOptions
        {
            OpenAiEndpoint = new Uri("https://aoai.example.net/"),
            ChatDeployment = "records-chat",
            OpenAiApiVersion = version,
        };

        // Act
        var result = new AzureAiOptionsValidator().Validate(null, options);

        // Assert
        Assert.Equal(expected, result.Succeeded);
    }
}
