using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class RuleBasedFieldExtractorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static RuleBasedFieldExtractor CreateExtractor(string? mrnPattern = null) =>
        new(new UnderstandingOptions { MrnPattern = mrnPattern }, new FixedTimeProvider(Now));

    private static List<PageText> Pages(params string[] texts) =>
        texts.Select((t, i) => new PageText(i + 1, t, 1.0, 0, PageTextSource.Ocr)).ToList();

    public static TheoryData<DocumentType> ExtractedTypes() =>
    [
        DocumentType.Referral, DocumentType.LabResult, DocumentType.ImagingReport, DocumentType.ClinicalNote,
        DocumentType.DischargeSummary, DocumentType.PriorAuthorizationForm, DocumentType.InsuranceCard,
        DocumentType.ClaimOrEob, DocumentType.PayerPolicy,
    ];

    [Theory]
    [MemberData(nameof(ExtractedTypes))]
    public async Task ExtractAsync_SyntheticDocuments_FindsEveryExpectedValueAndNoStrayCodes(DocumentType type)
    {
        var extractor = CreateExtractor();
        var failures = new List<string>();
        for (var seed = 100; seed < 130; seed++)
        {
            // Arrange
            var document = new SyntheticDocuments(seed).Next(type);

            // Act
            var fields = await extractor.ExtractAsync(type, document.ToPageTexts(), CancellationToken.None);

            // Assert (collected, so one run reports every miss)
            foreach (var (name, expected) in document.ExpectedFields)
            {
                var actual = fields.Where(f => f.Name == name).Select(f => f.Value).ToList();
                failures.AddRange(expected
                    .Where(e => !actual.Contains(e, StringComparer.OrdinalIgnoreCase))
                    .Select(e => $"{type} seed {seed}: missing {name} '{e}' (got: {string.Join(" | ", actual)})"));
            }

            foreach (var codeField in new[] { FieldNames.Icd10Codes, FieldNames.CptHcpcsCodes })
            {
                var expected = document.ExpectedFields.GetValueOrDefault(codeField) ?? [];
                failures.AddRange(fields.Where(f => f.Name == codeField && !expected.Contains(f.Value))
                    .Select(f => $"seed {seed}: stray {codeField} '{f.Value}' from '{f.Evidence}'"));
            }

            failures.AddRange(fields.Where(f => !f.IsValid).Select(f => $"seed {seed}: invalid {f.Name} '{f.Value}' {f.Problem}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
