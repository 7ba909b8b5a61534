using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.Tests.RecordsIntake;

public sealed class IntakeProgressTests
{
    [Fact]
    public void For_FewDocuments_CarriesEachDocument()
    {
        // Act
        var progress = IntakeProgress.For(ResultWith(documents: 3));

        // Assert
        Assert.Equal((3, 3), (progress.DocumentCount, progress.Result.Documents.Count));
    }

    [Fact]
    public void For_LongFaxOfManyDocuments_StaysWithinTheStatusLimitAndKeepsTheCount()
    {
        // Act
        var progress = IntakeProgress.For(ResultWith(documents: 150));

        // Assert
        Assert.Equal((150, 0), (progress.DocumentCount, progress.Result.Documents.Count));
        Assert.True(System.Text.Json.JsonSerializer.Serialize(progress).Length <= IntakeProgress.MaxStatusCharacters);
    }

    private static IntakeResult ResultWith(int documents) => new("doc-0123456789abcdef0123456789abcdef",
        IntakeOutcome.NeedsReview, documents, null, null,
        [.. Enumerable.Range(1, documents).Select(index => new RoutedDocument(index, index, index,
            DocumentType.ClinicalNote, 0.42, "records-review", true, ["classification confidence 0.42 is below 0.60"],
            $"records/doc-0123456789abcdef0123456789abcdef/{index:D2}.json", ReviewStatuses.Awaiting))]);
}
