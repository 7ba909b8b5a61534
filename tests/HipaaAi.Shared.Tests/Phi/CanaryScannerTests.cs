using System.IO.Compression;
using System.Text;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Tests.Audit;

namespace HipaaAi.Shared.Tests.Phi;

public sealed class CanaryScannerTests
{
    [Theory]
    [InlineData("patient XYLOQUIST, MARVELLA seen", CanaryField.Name)]
    [InlineData("dob=1961-03-04", CanaryField.DateOfBirth)]
    [InlineData("dob 03/04/1961", CanaryField.DateOfBirth)]
    [InlineData("born March 4, 1961", CanaryField.DateOfBirth)]
    [InlineData("{\"mrn\":\"CX7730419\"}", CanaryField.MedicalRecordNumber)]
    [InlineData("ssn 666417392", CanaryField.SocialSecurityNumber)]
    [InlineData("call +13125550147", CanaryField.Phone)]
    [InlineData("call (312) 555-0147", CanaryField.Phone)]
    [InlineData("lives at 4471 QUILLFEATHER LN", CanaryField.Address)]
    [InlineData("member zqh829104773", CanaryField.MemberId)]
    public void ScanText_CanaryRendering_ReportsItsField(string text, CanaryField field)
    {
        // Act
        var hits = CanaryScanner.ScanText(text, "sample");

        // Assert
        Assert.Contains(hits, hit => hit.Field == field && hit.Location == "sample");
    }

    [Fact]
    public void ScanText_CleanAuditLine_ReportsNothing()
    {
        // Arrange
        var text = "{\"subject\":\"pt_k3vq7w2m4n5b6c7d8e9f2g3h4j\",\"action\":\"activity.completed\",\"durationMs\":121}";

        // Act
        var hits = CanaryScanner.ScanText(text, "clean");

        // Assert
        Assert.Empty(hits);
    }

    [Fact]
    public void ScanText_HitOnThirdLine_ReportsLineAndColumn()
    {
        // Arrange
        var text = "first\nsecond\n  Xyloquist";

        // Act
        var hit = Assert.Single(CanaryScanner.ScanText(text, "log.txt"));

        // Assert
        Assert.Equal(new CanaryHit(CanaryField.Name, "Xyloquist", "log.txt", 3, 3), hit);
    }

    [Fact]
    public void ScanFolder_PlainAndGzipFilesInSubfolders_FindsBothAndNamesTheFiles()
    {
        // Arrange
        using var folder = new TempFolder();
        var nested = Directory.CreateDirectory(Path.Combine(folder.Path, "outbox")).FullName;
        File.WriteAllText(Path.Combine(folder.Path, "clean.log"), "nothing here\n");
        File.WriteAllText(Path.Combine(folder.Path, "leak.log"), "ok\nssn 666-41-7392\n");
        using (var gzip = new GZipStream(File.Create(Path.Combine(nested, "batch.json.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("[{\"member\":\"ZQH829104773\"}]"));
        }

        // Act
        var hits = CanaryScanner.ScanFolder(folder.Path);

        // Assert
        Assert.Contains(hits, hit => hit.Field == CanaryField.SocialSecurityNumber &&
            hit.Location.EndsWith("leak.log", StringComparison.Ordinal) && hit.Line == 2);
        Assert.Contains(hits, hit => hit.Field == CanaryField.MemberId &&
            hit.Location.EndsWith("batch.json.gz", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, hit => hit.Location.EndsWith("clean.log", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PhiSink.Audit)]
    [InlineData(PhiSink.Logs)]
    [InlineData(PhiSink.Telemetry)]
    [InlineData(PhiSink.DurableHistory)]
    public void Violations_AnyCanaryInSinkWithEmptyAllowList_IsAViolation(PhiSink sink)
    {
        // Arrange
        var hits = CanaryScanner.ScanText($"{PhiCanary.FullName} {PhiCanary.SocialSecurityNumber}", "sink");

        // Act
        var violations = PhiAllowList.Violations(sink, hits);

        // Assert
        Assert.Empty(PhiAllowList.FieldsFor(sink));
        Assert.Equal(hits, violations);
        Assert.Equal(2, violations.Select(hit => hit.Field).Distinct().Count());
    }
}
