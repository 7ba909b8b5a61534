using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace HipaaAi.Shared.Tests.Understanding;

/// <summary>Trains the classifier once for every test in the class (training takes a few seconds).</summary>
public sealed class TrainedClassifierFixture : IDisposable
{
    public MlNetDocumentClassifier Classifier { get; } = new(
        new UnderstandingOptions { TrainingSeed = 1, TrainingDocumentsPerType = 25 },
        NullLogger<MlNetDocumentClassifier>.Instance);

    public void Dispose() => Classifier.Dispose();
}

public sealed class MlNetDocumentClassifierTests(TrainedClassifierFixture fixture, ITestOutputHelper output)
    : IClassFixture<TrainedClassifierFixture>
{
    // Measured on held-out seed 999: see the per-class table this test writes. The floor leaves a small margin.
    private const double RequiredOverallAccuracy = 0.95;
    private const double RequiredPerClassAccuracy = 0.85;
    private const double RequiredMeanConfidence = 0.8;
    private const double RequiredNoisyAccuracy = 0.9;
    // Measured 8 of 11; the three misses all scored below the 0.6 review threshold.
    private const int RequiredOutOfTemplateCorrect = 7;
    private const double ReviewThreshold = 0.6;

    [Fact]
    public async Task ClassifyAsync_HeldOutDocumentsWithOcrNoise_StaysAccurate()
    {
        // Arrange: one character in twelve replaced, as a poor fax read would.
        var random = new Random(17);
        var heldOut = SyntheticDocuments.Corpus(seed: 4242, perType: 10);

        // Act
        var correct = 0;
        foreach (var document in heldOut)
        {
            var noisy = new string(document.FullText.Select(c =>
                char.IsLetterOrDigit(c) && random.Next(12) == 0 ? "l1|o0rn."[random.Next(8)] : c).ToArray());
            var result = await fixture.Classifier.ClassifyAsync(noisy, CancellationToken.None);
            correct += result.Type == document.Type ? 1 : 0;
        }

        // Assert
        var accuracy = correct / (double)heldOut.Count;
        output.WriteLine($"accuracy with OCR noise {accuracy:P1} on {heldOut.Count} documents");
        Assert.True(accuracy >= RequiredNoisyAccuracy, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public async Task ClassifyAsync_HeldOutSyntheticDocuments_MeetsAccuracyPerClass()
    {
        // Arrange
        var heldOut = SyntheticDocuments.Corpus(seed: 999, perType: 20);

        // Act
        var results = new List<(DocumentType Expected, Classification Actual)>();
        foreach (var document in heldOut)
        {
            results.Add((document.Type, await fixture.Classifier.ClassifyAsync(document.FullText, CancellationToken.None)));
        }

        // Assert
        var overall = results.Count(r => r.Expected == r.Actual.Type) / (double)results.Count;
        output.WriteLine($"overall accuracy {overall:P1} on {results.Count} held-out documents");
        foreach (var group in results.GroupBy(r => r.Expected))
        {
            var accuracy = group.Count(r => r.Expected == r.Actual.Type) / (double)group.Count();
            var meanConfidence = group.Average(r => r.Actual.Confidence);
            output.WriteLine($"{group.Key,-24} accuracy {accuracy:P0}  mean confidence {meanConfidence:F2}");
            Assert.True(accuracy >= RequiredPerClassAccuracy, $"{group.Key} accuracy {accuracy:P0}");
            Assert.True(meanConfidence >= RequiredMeanConfidence, $"{group.Key} mean confidence {meanConfidence:F2}");
        }

        Assert.True(overall >= RequiredOverallAccuracy, $"overall accuracy {overall:P1}");
        Assert.All(results, r => Assert.Equal(MlNetDocumentClassifier.EngineName, r.Actual.Engine));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task ClassifyAsync_RandomGarbage_IsOtherOrLowConfidence(int seed)
    {
        // Arrange
        var random = new Random(seed);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:|/\\-_~#%&*()[]{}   \n";
        var garbage = new string(Enumerable.Range(0, 400 + (seed * 50)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        // Act
        var result = await fixture.Classifier.ClassifyAsync(garbage, CancellationToken.None);

        // Assert
        output.WriteLine($"garbage seed {seed}: {result.Type} {result.Confidence:F2}");
        Assert.True(result.Type == DocumentType.Other || result.Confidence < 0.6, $"{result.Type} {result.Confidence:F2}");
    }

    [Theory]
    [InlineData("Quarterly fire drill schedule for the building. Exits are marked in green. Meet at the flagpole.")]
    [InlineData("The quick brown fox jumps over the lazy dog while the committee discusses the picnic menu.")]
    [InlineData("Congratulations! You have been selected to receive a free cruise. Call now to claim your prize.")]
    public async Task ClassifyAsync_NonClinicalText_IsOtherOrLowConfidence(string text)
    {
        // Act
        var result = await fixture.Classifier.ClassifyAsync(text, CancellationToken.None);

        // Assert
        output.WriteLine($"{result.Type} {result.Confidence:F2}");
        Assert.True(result.Type == DocumentType.Other || result.Confidence < 0.6, $"{result.Type} {result.Confidence:F2}");
    }

    [Fact]
    public async Task ClassifyAsync_EmptyText_IsOtherWithZeroConfidence()
    {
        // Act
        var result = await fixture.Classifier.ClassifyAsync("  \n ", CancellationToken.None);

        // Assert
        Assert.Equal(new Classification(DocumentType.Other, 0, MlNetDocumentClassifier.EngineName), result);
    }

    [Fact]
    public async Task ClassifyAsync_ManyThreadsAtOnce_AgreesWithSequentialResults()
    {
        // Arrange
        var documents = SyntheticDocuments.Corpus(seed: 555, perType: 3);
        var sequential = new List<DocumentType>();
        foreach (var document in documents)
        {
            sequential.Add((await fixture.Classifier.ClassifyAsync(document.FullText, CancellationToken.None)).Type);
        }

        // Act
        var parallel = await Task.WhenAll(documents.Select(d =>
            Task.Run(() => fixture.Classifier.ClassifyAsync(d.FullText, CancellationToken.None))));

        // Assert
        Assert.Equal(sequential, parallel.Select(p => p.Type));
    }

    [Fact]
    public async Task ClassifyAsync_WithModelPath_SavesModelAndReloadsIt()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("hipaaai-model-");
        var path = Path.Combine(directory.FullName, "classifier.zip");
        var options = new UnderstandingOptions { ModelPath = path, TrainingDocumentsPerType = 6 };
        var text = new SyntheticDocuments(3).Next(DocumentType.LabResult).FullText;
        try
        {
            Classification trained;
            using (var first = new MlNetDocumentClassifier(options, NullLogger<MlNetDocumentClassifier>.Instance))
            {
                trained = await first.ClassifyAsync(text, CancellationToken.None);
            }

            // Act
            using var second = new MlNetDocumentClassifier(options, NullLogger<MlNetDocumentClassifier>.Instance);
            var reloaded = await second.ClassifyAsync(text, CancellationToken.None);

            // Assert
            Assert.True(new FileInfo(path).Length > 1000);
            Assert.Equal(trained, reloaded);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Pipeline_SyntheticFaxPackets_SplitsClassifiesExtractsAndRoutes()
    {
        // Arrange
        var splitter = new DocumentSplitter();
        var extractor = new RuleBasedFieldExtractor(new UnderstandingOptions(), new FixedTimeProvider(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero)));
        var routing = RoutingRules.Load(Path.Combine(AppContext.BaseDirectory, "Understanding", "Config", RoutingRules.DefaultFileName));
        var companions = CompanionDocumentRules.Load(
            Path.Combine(AppContext.BaseDirectory, "Understanding", "Config", CompanionDocumentRules.DefaultFileName));
        int documents = 0, correctlyTyped = 0, staffRouted = 0;

        for (var seed = 300; seed < 320; seed++)
        {
            var packet = new SyntheticDocuments(seed).NextFaxPacket();
            var pages = packet.Pages;

            // Act
            var segments = splitter.Split(pages);
            var classified = new List<(DocumentSegment Segment, Classification Classification)>();
            foreach (var segment in segments)
            {
                var text = string.Join("\n", pages.Where(p => p.PageNumber >= segment.FirstPage && p.PageNumber <= segment.LastPage).Select(p => p.Text));
                classified.Add((segment, await fixture.Classifier.ClassifyAsync(text, CancellationToken.None)));
            }

            var missing = companions.FindMissing(classified.Select(c => c.Classification.Type).ToList());
            foreach (var (segment, classification) in classified)
            {
                var segmentPages = pages.Where(p => p.PageNumber >= segment.FirstPage && p.PageNumber <= segment.LastPage).ToList();
                var fields = await extractor.ExtractAsync(classification.Type, segmentPages, CancellationToken.None);
                var decision = routing.Route(new RoutingInput(classification, fields, PatientConsistencyCheck.Check(segmentPages),
                    missing.Where(m => m.ForType == classification.Type).ToList()));

                // Assert (per document, against the packet's ground truth)
                var truth = packet.Documents.Single(d => d.FirstPage == segment.FirstPage && d.LastPage == segment.LastPage);
                documents++;
                correctlyTyped += truth.Document.Type == classification.Type ? 1 : 0;
                staffRouted += decision.IsReview ? 0 : 1;
                Assert.All(decision.Reasons, r => Assert.DoesNotContain(truth.Document.Patient?.LastName ?? "\u0000", r, StringComparison.OrdinalIgnoreCase));
            }
        }

        output.WriteLine($"pipeline: {documents} documents, {correctlyTyped} typed correctly, {staffRouted} routed straight to staff");
        Assert.Equal(documents, correctlyTyped);
        Assert.True(staffRouted > 0);
    }

    public static TheoryData<DocumentType, string> OutOfTemplateTexts() => new()
    {
        { DocumentType.Referral, "To Dr. Quillby, Dermatology. I am referring this patient for evaluation of a changing mole on the back. Referral diagnosis D48.5. Thanks, referring clinician." },
        { DocumentType.LabResult, "CHEMISTRY. Sodium 139 mmol/L (136-145). Potassium 5.8 mmol/L HIGH (3.5-5.1). Creatinine 1.9 mg/dL H. Specimen collected 08:10, reported 11:42. Performing lab." },
        { DocumentType.ImagingReport, "CT ABDOMEN AND PELVIS WITH CONTRAST. Indication: right lower quadrant pain. Findings: dilated appendix with periappendiceal stranding. Impression: acute appendicitis." },
        { DocumentType.ClinicalNote, "S: here for follow up of blood pressure, no headaches. O: BP 138/84, lungs clear. A: hypertension, improving. P: continue amlodipine, recheck in 3 months." },
        { DocumentType.DischargeSummary, "Date of admission and date of discharge listed above. Brief hospital course: treated for cellulitis with IV antibiotics, transitioned to oral. Discharge condition good. Discharge instructions reviewed." },
        { DocumentType.PriorAuthorizationForm, "Pharmacy prior authorization. Drug requested: adalimumab 40 mg. Diagnosis code L40.50. Previous therapies tried: methotrexate. Prescriber NPI. Urgent review: no." },
        { DocumentType.InsuranceCard, "Subscriber ID W123456789. Group 004455. Plan: Gold PPO. Copays: PCP $20, Specialist $40, ER $250. Rx BIN 003858. Call the number on the back of this card." },
        { DocumentType.ClaimOrEob, "Claim summary. Service date, procedure code 99214, amount billed $210.00, plan discount $80.00, plan paid $100.00, amount you owe $30.00. This is not a bill." },
        { DocumentType.FaxCoverSheet, "FAX. To: Scheduling. From: Cardiology clinic. Date sent. Number of pages including cover: 5. Message: please call to schedule. Confidential: if received in error notify sender." },
        { DocumentType.PayerPolicy, "Coverage determination guideline. Bariatric surgery is considered medically necessary when the following criteria are met. Applicable CPT codes 43644, 43775. Not covered: revision for weight regain." },
        { DocumentType.Other, "Reminder: the office will be closed on Monday for the holiday. Please submit timesheets by Friday at noon. Thank you!" },
    };

    [Fact]
    public async Task ClassifyAsync_TextsWrittenOutsideTheTemplates_MeetsMeasuredAccuracy()
    {
        // Arrange: wording the generator never uses, one text per class.
        var cases = OutOfTemplateTexts();

        // Act
        int correct = 0, wrongButConfident = 0;
        foreach (var row in cases)
        {
            var expected = (DocumentType)row[0];
            var result = await fixture.Classifier.ClassifyAsync((string)row[1], CancellationToken.None);
            output.WriteLine($"{expected,-24} -> {result.Type,-24} {result.Confidence:F2}");
            correct += result.Type == expected ? 1 : 0;
            wrongButConfident += result.Type != expected && result.Confidence >= ReviewThreshold ? 1 : 0;
        }

        // Assert: misses are allowed only where routing would send them to review anyway.
        Assert.Equal(0, wrongButConfident);
        output.WriteLine($"out-of-template accuracy {correct}/{cases.Count}");
        Assert.True(correct >= RequiredOutOfTemplateCorrect, $"{correct}/{cases.Count}");
    }
}
