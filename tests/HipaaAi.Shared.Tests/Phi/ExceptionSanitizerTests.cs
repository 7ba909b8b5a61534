using HipaaAi.Shared.Phi;

namespace HipaaAi.Shared.Tests.Phi;

public sealed class ExceptionSanitizerTests
{
    public static TheoryData<string, string> PhiMessages => new()
    {
        { "Lookup failed for SSN 666-41-7392", "666-41-7392" },
        { "Caller phone (312) 555-0147 unreachable", "555-0147" },
        { "Caller phone 312.555.0147 unreachable", "555.0147" },
        { "Caller phone +1 312 555 0147 unreachable", "555 0147" },
        { "DOB 1961-03-04 does not match", "1961-03-04" },
        { "Born 03/04/1961 per referral", "03/04/1961" },
        { "Born March 4, 1961 per referral", "1961" },
        { "Born 4 Mar 1961 per referral", "1961" },
        { "Send to marvella.x@example.org failed", "marvella.x@example.org" },
        { "No chart for 7730419", "7730419" },
        { "No chart for MRN CX7730419", "CX7730419" },
        { "Eligibility denied for ZQH829104773", "ZQH829104773" },
        { "Patient Name: Marvella Xyloquist, admitted", "Xyloquist" },
        { "name=Marvella Xyloquist; ward 4", "Marvella" },
        { "Address: 4471 Quillfeather Lane\nnext", "Quillfeather" },
        { "Member ID: QX-88 ABC", "QX-88 ABC" },
        { "The input string 'Marvella' was not in a correct format.", "Marvella" },
        { "Could not parse \"Xyloquist, Marvella\" as a date", "Xyloquist" },
        { "Blob https://st.blob.core.windows.net/in/a.pdf?sv=2024-08-04&se=2026-12-01&sig=abc%2Bdef failed", "abc%2Bdef" },
        { "Call https://func.azurewebsites.net/api/x?code=Zm9vYmFyc2VjcmV0 failed", "Zm9vYmFyc2VjcmV0" },
        { "AccountKey=bXlzZWNyZXRrZXk=;EndpointSuffix=core.windows.net", "bXlzZWNyZXRrZXk" },
        { "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9" },
    };

    [Theory]
    [MemberData(nameof(PhiMessages))]
    public void Sanitize_MessageWithPhiOrSecret_RemovesIt(string message, string mustNotSurvive)
    {
        // Arrange
        var exception = new InvalidOperationException(message);

        // Act
        var sanitized = ExceptionSanitizer.Sanitize(exception);

        // Assert
        Assert.StartsWith("System.InvalidOperationException: ", sanitized, StringComparison.Ordinal);
        Assert.DoesNotContain(mustNotSurvive, sanitized, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The operation has timed out.", "The operation has timed out.")]
    [InlineData("Response status code 503 after 3 attempts", "Response status code 503 after 3 attempts")]
    [InlineData("Page 2 of 14 could not be read", "Page 2 of 14 could not be read")]
    [InlineData("The document doesn't have pages", "The document doesn't have pages")]
    public void SanitizeText_MessageWithoutPhi_KeepsItReadable(string message, string expected)
    {
        // Act
        var sanitized = ExceptionSanitizer.SanitizeText(message);

        // Assert
        Assert.Equal(expected, sanitized);
    }

    [Fact]
    public void Sanitize_LongMessage_TruncatesToMaxLength()
    {
        // Arrange
        var exception = new InvalidOperationException(string.Join(' ', Enumerable.Repeat("failure", 400)));

        // Act
        var sanitized = ExceptionSanitizer.Sanitize(exception);

        // Assert
        Assert.Equal(ExceptionSanitizer.MaxLength, sanitized.Length);
        Assert.EndsWith("…", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_InnerException_NamesItsTypeButNotItsMessage()
    {
        // Arrange
        var exception = new InvalidOperationException("Read failed",
            new FormatException("The input string 'Xyloquist' was not in a correct format."));

        // Act
        var sanitized = ExceptionSanitizer.Sanitize(exception);

        // Assert
        Assert.Equal("System.InvalidOperationException: Read failed (inner FormatException)", sanitized);
    }

    [Fact]
    public void Sanitize_RealFrameworkParseException_DoesNotEchoTheInput()
    {
        // Arrange
        var exception = Record.Exception(() => int.Parse("Xyloquist 1961", System.Globalization.CultureInfo.InvariantCulture))!;

        // Act
        var sanitized = ExceptionSanitizer.Sanitize(exception);

        // Assert
        Assert.DoesNotContain("Xyloquist", sanitized, StringComparison.Ordinal);
        Assert.StartsWith("System.FormatException:", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_EveryPatternedCanaryAndLabelledNameAndAddress_LeavesNoCanaryHit()
    {
        // Arrange: bare names and street names have no pattern; they are caught only when labelled or quoted.
        var patterned = PhiCanary.Renderings
            .Where(pair => pair.Key is not CanaryField.Name and not CanaryField.Address)
            .SelectMany(pair => pair.Value.Select(value => $"value {value}"));
        var message = string.Join("; ", patterned) +
            $"\nPatient: {PhiCanary.FullName}\nAddress: {PhiCanary.Address}\nparse '{PhiCanary.FamilyName}' failed";

        // Act
        var sanitized = ExceptionSanitizer.SanitizeText(message);

        // Assert
        Assert.Empty(CanaryScanner.ScanText(sanitized, "sanitized"));
    }
}

public sealed class UrlRedactorTests
{
    [Theory]
    [InlineData("https://st.blob.core.windows.net/inbox/doc-1.pdf?sv=2024-08-04&se=2026-12-01T00%3A00Z&sr=b&sp=r&sig=AbC%2B1",
        "https://st.blob.core.windows.net/inbox/doc-1.pdf?sv=REDACTED&se=REDACTED&sr=REDACTED&sp=REDACTED&sig=REDACTED")]
    [InlineData("https://func.azurewebsites.net/api/approve?code=secret123&decision=yes",
        "https://func.azurewebsites.net/api/approve?code=REDACTED&decision=REDACTED")]
    [InlineData("https://user:pass@dce.ingest.monitor.azure.com:8443/dataCollectionRules/x?api-version=2023-01-01#frag",
        "https://dce.ingest.monitor.azure.com:8443/dataCollectionRules/x?api-version=2023-01-01")]
    [InlineData("/relative/path?key=abc", "/relative/path?key=REDACTED")]
    [InlineData("https://example.org/plain", "https://example.org/plain")]
    public void Redact_Url_KeepsLocationAndRemovesQueryValues(string url, string expected)
    {
        // Act
        var redacted = UrlRedactor.Redact(url);

        // Assert
        Assert.Equal(expected, redacted);
    }

    [Fact]
    public void Redact_Uri_SameAsString()
    {
        // Arrange
        var uri = new Uri("https://kv.vault.azure.net/secrets/x?token=abc");

        // Act + Assert
        Assert.Equal("https://kv.vault.azure.net/secrets/x?token=REDACTED", UrlRedactor.Redact(uri));
    }
}
