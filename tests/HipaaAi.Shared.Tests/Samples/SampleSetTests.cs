using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BitMiracle.LibTiff.Classic;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;
using UglyToad.PdfPig;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class SampleSetTests(SampleSetFixture set) : IClassFixture<SampleSetFixture>
{
    [Fact]
    public void Generate_DefaultOptions_WritesEveryLabeledFileAndNothingElse()
    {
        // Arrange
        var expected = set.Labels.Files.Select(f => f.File).Append(SampleLabels.FileName).Order().ToList();

        // Act
        var written = Directory.GetFiles(set.Folder).Select(path => Path.GetFileName(path)!).Order().ToList();

        // Assert
        Assert.Equal(expected, written);
        Assert.InRange(set.Labels.Files.Count, 12, 16);
        Assert.DoesNotContain(set.Labels.Files, f => f.Kind == SampleKind.Benchmark);
    }

    [Fact]
    public void Generate_DefaultOptions_RasterPagesStayNearThirty()
    {
        // Act
        var rasterPages = set.Labels.Files
            .Where(f => f.Kind is SampleKind.FaxTiff or SampleKind.ImageOnlyPdf or SampleKind.FaxPacket
                or SampleKind.JunkFax)
            .Sum(f => f.PageCount!.Value);

        // Assert
        Assert.InRange(rasterPages, 16, 34);
    }

    [Theory]
    [InlineData("empty.pdf", PreflightVerdict.Empty)]
    [InlineData("encrypted.pdf", PreflightVerdict.Encrypted)]
    [InlineData("truncated.pdf", PreflightVerdict.Corrupt)]
    [InlineData("word-document.pdf", PreflightVerdict.Unsupported)]
    [InlineData("phone-photo.pdf", PreflightVerdict.Unsupported)]
    [InlineData("thumbnail.png", PreflightVerdict.TooSmall)]
    [InlineData("continuous-scan.png", PreflightVerdict.TooLarge)]
    public void Generate_BrokenFile_IsQuarantinedWithVerdictAndNoDocuments(string name, PreflightVerdict verdict)
    {
        // Act
        var label = set.File(name);

        // Assert
        Assert.Equal(ExpectedOutcome.Quarantined, label.Outcome);
        Assert.Equal(verdict, label.Verdict);
        Assert.Empty(label.Documents);
    }

    [Fact]
    public void Generate_BrokenFiles_HaveTheirDefiningBytes()
    {
        // Act
        var empty = set.Bytes("empty.pdf");
        var encrypted = Encoding.Latin1.GetString(set.Bytes("encrypted.pdf"));
        var truncated = Encoding.Latin1.GetString(set.Bytes("truncated.pdf"));
        var docx = set.Bytes("word-document.pdf");
        var heic = set.Bytes("phone-photo.pdf");

        // Assert
        Assert.Empty(empty);
        Assert.StartsWith("%PDF-", encrypted, StringComparison.Ordinal);
        Assert.Contains("/Encrypt", encrypted, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", truncated, StringComparison.Ordinal);
        Assert.DoesNotContain("%%EOF", truncated, StringComparison.Ordinal);
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        }

        Assert.Equal("ftypheic", Encoding.ASCII.GetString(heic, 4, 8));
        Assert.Equal((40, 40), BrokenFilesTests.PngSize(set.Bytes("thumbnail.png")));
        Assert.Equal(12_000, BrokenFilesTests.PngSize(set.Bytes("continuous-scan.png")).Height);
    }

    [Fact]
    public void Generate_FaxTiffs_AreMultiPageGroup4WithTheLabeledPageCount()
    {
        // Arrange
        var faxes = set.Labels.Files.Where(f => f.File.EndsWith(".tif", StringComparison.Ordinal)).ToList();

        // Act & Assert
        Assert.Equal(4, faxes.Count);
        foreach (var fax in faxes)
        {
            using var tiff = Tiff.ClientOpen(fax.File, "r", new MemoryStream(set.Bytes(fax.File)), new TiffStream());
            Assert.Equal(fax.PageCount, tiff.NumberOfDirectories());
            Assert.True(fax.PageCount >= 2, $"{fax.File} has one page");
            for (short page = 0; page < tiff.NumberOfDirectories(); page++)
            {
                tiff.SetDirectory(page);
                Assert.Equal((int)Compression.CCITTFAX4, tiff.GetField(TiffTag.COMPRESSION)[0].ToInt());
                Assert.Equal(200f, tiff.GetField(TiffTag.YRESOLUTION)[0].ToFloat());
            }
        }
    }

    [Fact]
    public void Generate_ClinicalNoteFax_LastPageIsUpsideDown()
    {
        // Arrange
        var label = set.File("clinical-note-fax.tif");
        var pages = FaxTiff.Read(set.Bytes(label.File));
        var last = pages[^1];

        // Act: left-aligned text puts ink on the left of an upright page and on the right of an upside-down one.
        var leftInk = ColumnInk(last, 0, last.Width / 2);
        var rightInk = ColumnInk(last, last.Width / 2, last.Width);

        // Assert
        Assert.Equal(180, label.RotatedPages[label.PageCount!.Value]);
        Assert.Equal((1700, 2200), (last.Width, last.Height));
        Assert.True(rightInk > 1.5 * leftInk, $"right {rightInk:F4} vs left {leftInk:F4}");
    }

    [Fact]
    public void Generate_DischargeSummaryFax_LastPageIsSideways()
    {
        // Arrange
        var label = set.File("discharge-summary-fax.tif");

        // Act
        var last = FaxTiff.Read(set.Bytes(label.File))[^1];

        // Assert
        Assert.Equal(90, label.RotatedPages[label.PageCount!.Value]);
        Assert.Equal((2200, 1700), (last.Width, last.Height));
    }

    [Fact]
    public void Generate_ScannedPdf_HasImagesButNoTextLayer()
    {
        // Arrange
        var label = set.File("imaging-report-scan.pdf");

        // Act
        using var document = PdfDocument.Open(set.Bytes(label.File));

        // Assert
        Assert.Equal(SampleKind.ImageOnlyPdf, label.Kind);
        Assert.Equal(label.PageCount, document.NumberOfPages);
        Assert.All(document.GetPages(), page =>
        {
            Assert.Empty(page.Letters);
            Assert.Single(page.GetImages());
        });
    }

    [Theory]
    [InlineData("referral.pdf", DocumentType.Referral)]
    [InlineData("lab-result.pdf", DocumentType.LabResult)]
    [InlineData("prior-authorization.pdf", DocumentType.PriorAuthorizationForm)]
    [InlineData("payer-policy.pdf", DocumentType.PayerPolicy)]
    public void Generate_BornDigitalPdf_HasTextLayerAndLabeledType(string name, DocumentType type)
    {
        // Arrange
        var label = set.File(name);

        // Act
        using var document = PdfDocument.Open(set.Bytes(name));

        // Assert
        var labeled = Assert.Single(label.Documents);
        Assert.Equal(type, labeled.Type);
        Assert.Equal(label.PageCount, document.NumberOfPages);
        Assert.Contains("SYNTHETIC TEST DOCUMENT", document.GetPage(1).Text, StringComparison.Ordinal);
        Assert.NotEmpty(labeled.Fields);
    }

    [Fact]
    public void Generate_FaxPacket_CoverThenThreeDocumentsWithOnePatientChange()
    {
        // Act
        var packet = set.File("fax-packet.tif");

        // Assert
        Assert.Equal(4, packet.Documents.Count);
        Assert.Equal(DocumentType.FaxCoverSheet, packet.Documents[0].Type);
        Assert.Equal(1, packet.Documents[0].FirstPage);
        for (var i = 1; i < packet.Documents.Count; i++)
        {
            Assert.Equal(packet.Documents[i - 1].LastPage + 1, packet.Documents[i].FirstPage);
        }

        Assert.Equal(packet.PageCount, packet.Documents[^1].LastPage);
        Assert.InRange(packet.PageCount!.Value, 8, 12);
        var patients = packet.Documents.Skip(1).Select(d => d.PatientMrn).ToList();
        Assert.Equal(2, patients.Distinct().Count());
        Assert.Equal(1, patients.Zip(patients.Skip(1)).Count(pair => pair.First != pair.Second));
    }

    [Fact]
    public void Generate_JunkFax_NeedsReviewAsOther()
    {
        // Act
        var junk = set.File("junk-fax.tif");

        // Assert
        Assert.Equal(ExpectedOutcome.NeedsReview, junk.Outcome);
        Assert.Equal(DocumentType.Other, Assert.Single(junk.Documents).Type);
    }

    [Fact]
    public void Generate_LabelsJson_RoundTripsToTheSameLabels()
    {
        // Act
        var loaded = SampleLabels.Load(Path.Combine(set.Folder, SampleLabels.FileName));

        // Assert
        Assert.Equal(set.Labels.ToJson(), loaded.ToJson());
        Assert.Equal(SampleSetFixture.Seed, loaded.Seed);
        var lab = loaded.Files.Single(f => f.File == "lab-result.pdf").Documents[0];
        var original = set.File("lab-result.pdf").Documents[0];
        Assert.Equal(original.Fields[FieldNames.PatientName], lab.Fields[FieldNames.PatientName]);
        Assert.Equal(DocumentType.LabResult, lab.Type);
    }

    [Fact]
    public void Generate_SameSeedAgain_SameFilesAndLabels()
    {
        // Arrange
        var again = Directory.CreateTempSubdirectory("sample-set-again-").FullName;

        try
        {
            // Act
            var options = new SampleSetOptions { Seed = SampleSetFixture.Seed };
            var labels = SampleSetFixture.NewSampleSet().Generate(again, options);

            // Assert
            Assert.Equal(set.Labels.ToJson(), labels.ToJson());
            foreach (var file in labels.Files.Where(f => f.File != "encrypted.pdf"))
            {
                Assert.True(
                    SHA256.HashData(set.Bytes(file.File)).SequenceEqual(
                        SHA256.HashData(File.ReadAllBytes(Path.Combine(again, file.File)))),
                    $"{file.File} differs between runs");
            }

            // The encrypted file's metadata stream is ciphertext of PDFsharp's random UUIDs, and escaping of
            // ciphertext bytes varies with them, so only its size is stable (within a few bytes).
            var encryptedAgain = File.ReadAllBytes(Path.Combine(again, "encrypted.pdf"));
            Assert.InRange(encryptedAgain.Length - set.Bytes("encrypted.pdf").Length, -64, 64);
            Assert.Contains("/Encrypt", Encoding.Latin1.GetString(encryptedAgain), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Generate_LabeledFields_ComeFromGeneratorGroundTruth()
    {
        // Arrange: the set draws its first document, a referral, from a generator with the same seed.
        var expected = new SyntheticDocuments(SampleSetFixture.Seed).Next(DocumentType.Referral);

        // Act
        var labeled = set.File("referral.pdf").Documents[0];

        // Assert
        Assert.Equal(expected.ExpectedFields.Keys.Order(), labeled.Fields.Keys.Order());
        Assert.Equal(expected.ExpectedFields[FieldNames.PatientName], labeled.Fields[FieldNames.PatientName]);
        Assert.Equal(expected.Patient!.Mrn, labeled.PatientMrn);
    }

    private static double ColumnInk(GrayImage page, int fromColumn, int toColumn)
    {
        long dark = 0;
        for (var y = 0; y < page.Height; y++)
        {
            for (var x = fromColumn; x < toColumn; x++)
            {
                dark += page[x, y] < 128 ? 1 : 0;
            }
        }

        return dark / (double)((toColumn - fromColumn) * (long)page.Height);
    }
}
