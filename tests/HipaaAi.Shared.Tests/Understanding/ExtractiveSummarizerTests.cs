using System.Text.RegularExpressions;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed partial class ExtractiveSummarizerTests
{
    [Theory]
    [InlineData(DocumentType.ClinicalNote)]
    [InlineData(DocumentType.DischargeSummary)]
    [InlineData(DocumentType.ImagingReport)]
    [InlineData(DocumentType.Referral)]
    public async Task SummarizeAsync_SyntheticDocuments_EverySentenceComesFromTheText(DocumentType type)
    {
        var summarizer = new ExtractiveSummarizer();
        for (var seed = 0; seed < 10; seed++)
        {
            // Arrange
            var document = new SyntheticDocuments(seed).Next(type);
            var flatText = Flatten(document.FullText);

            // Act
            var summary = await summarizer.SummarizeAsync(type, document.ToPageTexts(), [], CancellationToken.None);

            // Assert
            var lines = summary.Split('\n');
            Assert.InRange(lines.Length, 1, ExtractiveSummarizer.DefaultMaxSentences);
            Assert.All(lines, line => Assert.Contains(Flatten(line), flatText, StringComparison.Ordinal));
            Assert.DoesNotContain("CONFIDENTIAL", summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SyntheticDocuments.SyntheticMarker, summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SummarizeAsync_NoteWithPlanAndBoilerplate_PicksHistoryAndPlan()
    {
        // Arrange
        var text = """
            OFFICE VISIT NOTE
            Phone: (555) 555-0101    Fax: (555) 555-0102

            HISTORY OF PRESENT ILLNESS:
            Patient presents with worsening low back pain radiating to the left leg for 8 weeks. Likes gardening.

            ASSESSMENT:
            Lumbar radiculopathy (M54.16), failed conservative therapy.

            PLAN:
            Obtain MRI of the lumbar spine and refer to orthopedics for follow-up.

            CONFIDENTIALITY NOTICE: This fax is intended only for the named recipient.
            """;
        var fields = new[] { new ExtractedField(FieldNames.Icd10Codes, "M54.16", 1, "x", true, null) };

        // Act
        var summary = await new ExtractiveSummarizer(3).SummarizeAsync(
            DocumentType.ClinicalNote, [new PageText(1, text, 1, 0, PageTextSource.TextLayer)], fields, CancellationToken.None);

        // Assert
        Assert.Equal(
            [
                "Patient presents with worsening low back pain radiating to the left leg for 8 weeks.",
                "Lumbar radiculopathy (M54.16), failed conservative therapy.",
                "Obtain MRI of the lumbar spine and refer to orthopedics for follow-up.",
            ],
            summary.Split('\n'));
    }

    [Fact]
    public async Task SummarizeAsync_JunkPage_ReturnsNothingInvented()
    {
        // Arrange
        var page = new PageText(1, "~~ ,,. |||| 1l1l ## %%", 0.3, 0, PageTextSource.Ocr);

        // Act
        var summary = await new ExtractiveSummarizer().SummarizeAsync(DocumentType.Other, [page], [], CancellationToken.None);

        // Assert
        Assert.Equal(string.Empty, summary);
    }

    private static string Flatten(string text) => WhitespaceRegex().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
