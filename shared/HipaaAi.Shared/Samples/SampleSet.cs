using System.Diagnostics;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// Writes the product's own evaluation set: fictitious documents from <see cref="SyntheticDocuments"/> rendered the
/// ways a clinic receives them (born-digital PDFs, noisy Group 4 faxes with a page upside down or sideways, a
/// scanned PDF, a multi-document fax packet, a junk fax) plus the broken files preflight must quarantine, and a
/// labels.json with the expected outcome, types and field values. The same seed gives the same files.
/// </summary>
public sealed class SampleSet(SampleRenderer renderer, ILogger<SampleSet> logger)
{
    /// <summary>Name of the optional long fax written for throughput benchmarks.</summary>
    public const string BenchmarkFileName = "benchmark-fax.tif";

    private const int MaxDraws = 500;

    private static readonly Dictionary<int, int> NoRotation = [];

    /// <summary>Writes the set into <paramref name="folder"/> (created if missing) and returns its labels.</summary>
    public SampleLabels Generate(string folder, SampleSetOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);

        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var generator = new SyntheticDocuments(options.Seed);
        var seeds = new Random(options.Seed);
        var files = new List<LabeledFile>
        {
            BornDigital(folder, "referral.pdf", generator.Next(DocumentType.Referral), seeds.Next()),
            BornDigital(folder, "lab-result.pdf", generator.Next(DocumentType.LabResult), seeds.Next()),
            BornDigital(folder, "prior-authorization.pdf", generator.Next(DocumentType.PriorAuthorizationForm),
                seeds.Next()),
            BornDigital(folder, "payer-policy.pdf", generator.Next(DocumentType.PayerPolicy), seeds.Next()),
            Fax(folder, "clinical-note-fax.tif", DrawMultiPage(generator, DocumentType.ClinicalNote), 180,
                seeds.Next()),
            Fax(folder, "discharge-summary-fax.tif", DrawMultiPage(generator, DocumentType.DischargeSummary), 90,
                seeds.Next()),
            Scanned(folder, "imaging-report-scan.pdf", generator.Next(DocumentType.ImagingReport), seeds.Next()),
            Packet(folder, "fax-packet.tif", DrawPacket(generator), seeds.Next()),
            JunkFax(folder, "junk-fax.tif", seeds.Next()),
        };
        files.AddRange(BrokenSet(folder, generator, seeds.Next()));
        if (options.IncludeBenchmarkFax)
        {
            files.Add(Benchmark(folder, generator, options.BenchmarkPageCount, seeds.Next()));
        }

        var labels = new SampleLabels(options.Seed, files);
        labels.Save(Path.Combine(folder, SampleLabels.FileName));

        var rasterPages = files.Where(f => f.Kind is not (SampleKind.BornDigitalPdf or SampleKind.Broken))
            .Sum(f => f.PageCount ?? 0);
        Logs.SampleSetWritten(logger, files.Count, rasterPages, stopwatch.ElapsedMilliseconds);
        return labels;
    }

    private LabeledFile BornDigital(string folder, string name, SyntheticDocument document, int seed)
    {
        Write(folder, name, renderer.RenderTextPdf(document.Pages, seed), document.Pages.Count);
        return Completed(name, SampleKind.BornDigitalPdf, document, NoRotation);
    }

    private LabeledFile Fax(string folder, string name, SyntheticDocument document, int lastPageTurn, int seed)
    {
        var effects = FaxEffects.Typical.WithRotation(document.Pages.Count, lastPageTurn);
        Write(folder, name, renderer.RenderFaxTiff(document.Pages, effects, seed), document.Pages.Count);
        return Completed(name, SampleKind.FaxTiff, document, effects.Rotations);
    }

    private LabeledFile Scanned(string folder, string name, SyntheticDocument document, int seed)
    {
        // A flatbed scan is cleaner than a fax line: less speckle, no feeder jitter.
        var effects = FaxEffects.Typical with { NoiseRate = 0.0005, MaxJitterPixels = 0 };
        var pages = renderer.RenderFaxPages(document.Pages, effects, seed);
        Write(folder, name, renderer.RenderImageOnlyPdf(pages, seed), pages.Count);
        return Completed(name, SampleKind.ImageOnlyPdf, document, NoRotation);
    }

    private LabeledFile Packet(string folder, string name, FaxPacket packet, int seed)
    {
        var texts = packet.Documents.SelectMany(d => d.Document.Pages).ToList();
        Write(folder, name, renderer.RenderFaxTiff(texts, FaxEffects.Typical, seed), texts.Count);
        return new LabeledFile(name, SampleKind.FaxPacket, ExpectedOutcome.Completed, PreflightVerdict.Accepted,
            texts.Count, NoRotation, packet.Documents.Select(d => Label(d.Document, d.FirstPage)).ToList());
    }

    private LabeledFile JunkFax(string folder, string name, int seed)
    {
        var pages = BrokenFiles.JunkFaxPages(new Random(seed), dpi: 200);
        Write(folder, name, FaxTiff.Write(pages), pages.Count);
        var junk = new LabeledDocument(DocumentType.Other, 1, pages.Count, null,
            new Dictionary<string, IReadOnlyList<string>>());
        return new LabeledFile(name, SampleKind.JunkFax, ExpectedOutcome.NeedsReview, PreflightVerdict.Accepted,
            pages.Count, NoRotation, [junk]);
    }

    private IEnumerable<LabeledFile> BrokenSet(string folder, SyntheticDocuments generator, int seed)
    {
        var random = new Random(seed);
        var password = Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()));
        var claim = generator.Next(DocumentType.ClaimOrEob);
        var card = generator.Next(DocumentType.InsuranceCard);
        var referral = generator.Next(DocumentType.Referral);

        yield return Broken(folder, "empty.pdf", BrokenFiles.Empty(), PreflightVerdict.Empty);
        yield return Broken(folder, "encrypted.pdf", renderer.RenderEncryptedPdf(claim.Pages, password, seed),
            PreflightVerdict.Encrypted);
        yield return Broken(folder, "truncated.pdf",
            BrokenFiles.TruncateMidStream(renderer.RenderTextPdf(card.Pages, seed)), PreflightVerdict.Corrupt);
        yield return Broken(folder, "word-document.pdf", BrokenFiles.MinimalDocx(referral.Pages[0]),
            PreflightVerdict.Unsupported);
        yield return Broken(folder, "phone-photo.pdf", BrokenFiles.HeicSignature(random),
            PreflightVerdict.Unsupported);
        yield return Broken(folder, "thumbnail.png", BrokenFiles.TinyPng(), PreflightVerdict.TooSmall);
        yield return Broken(folder, "continuous-scan.png", BrokenFiles.OversizedPagePng(), PreflightVerdict.TooLarge);
    }

    private LabeledFile Broken(string folder, string name, byte[] content, PreflightVerdict verdict)
    {
        Write(folder, name, content, 0);
        return new LabeledFile(name, SampleKind.Broken, ExpectedOutcome.Quarantined, verdict, null, NoRotation, []);
    }

    private LabeledFile Benchmark(string folder, SyntheticDocuments generator, int pageCount, int seed)
    {
        var documents = new List<(SyntheticDocument Document, int FirstPage)>();
        var page = 1;
        var types = SyntheticDocuments.Types.Where(t => t is not DocumentType.Other).ToList();
        for (var attempt = 0; page <= pageCount; attempt++)
        {
            if (attempt > pageCount * 4)
            {
                throw new InvalidOperationException($"Could not fill a {pageCount}-page benchmark fax exactly.");
            }

            var document = generator.Next(types[attempt % types.Count]);
            if (page + document.Pages.Count - 1 <= pageCount)
            {
                documents.Add((document, page));
                page += document.Pages.Count;
            }
        }

        var texts = documents.SelectMany(d => d.Document.Pages).ToList();
        var path = Path.Combine(folder, BenchmarkFileName);
        using (var stream = File.Create(path))
        {
            renderer.WriteFaxTiff(stream, texts, FaxEffects.Typical, seed);
        }

        var byteCount = new FileInfo(path).Length;
        Logs.SampleFileWritten(logger, BenchmarkFileName, byteCount, texts.Count);
        return new LabeledFile(BenchmarkFileName, SampleKind.Benchmark, ExpectedOutcome.Completed,
            PreflightVerdict.Accepted, texts.Count, NoRotation,
            documents.Select(d => Label(d.Document, d.FirstPage)).ToList());
    }

    /// <summary>
    /// The default set wants a cover sheet and exactly three documents with one change of patient, over 8 to 12
    /// pages; packets are drawn from the generator's own composer until one has that shape, which keeps the result a
    /// function of the seed.
    /// </summary>
    private static FaxPacket DrawPacket(SyntheticDocuments generator)
    {
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var packet = generator.NextFaxPacket();
            var pages = packet.Documents[^1].LastPage;
            if (packet.Documents.Count == 4 && packet.PatientCount == 2 && pages is >= 8 and <= 12)
            {
                return packet;
            }
        }

        throw new InvalidOperationException($"No packet of the wanted shape in {MaxDraws} draws.");
    }

    /// <summary>A fax whose last page arrives turned needs a page before it to be a multi-page fax.</summary>
    private static SyntheticDocument DrawMultiPage(SyntheticDocuments generator, DocumentType type)
    {
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var document = generator.Next(type);
            if (document.Pages.Count >= 2)
            {
                return document;
            }
        }

        throw new InvalidOperationException($"No multi-page {type} in {MaxDraws} draws.");
    }

    private static LabeledFile Completed(
        string name, SampleKind kind, SyntheticDocument document, IReadOnlyDictionary<int, int> rotations) =>
        new(name, kind, ExpectedOutcome.Completed, PreflightVerdict.Accepted, document.Pages.Count, rotations,
            [Label(document, 1)]);

    private static LabeledDocument Label(SyntheticDocument document, int firstPage) =>
        new(document.Type, firstPage, firstPage + document.Pages.Count - 1, document.Patient?.Mrn,
            document.ExpectedFields);

    private void Write(string folder, string name, byte[] content, int pageCount)
    {
        File.WriteAllBytes(Path.Combine(folder, name), content);
        Logs.SampleFileWritten(logger, name, content.LongLength, pageCount);
    }
}
