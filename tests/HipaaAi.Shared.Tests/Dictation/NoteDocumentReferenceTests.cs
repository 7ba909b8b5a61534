using System.Text;
using System.Text.Json;
using HipaaAi.Shared.Dictation;
using Hl7.Fhir.Model;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class NoteDocumentReferenceTests
{
    private static readonly Transcript Spoken = new("pocketsphinx-0.8", true, TimeSpan.FromSeconds(30),
    [
        new TranscriptSegment(0, TimeSpan.Zero, TimeSpan.FromSeconds(4), "assessment likely viral infection", 0.5),
        new TranscriptSegment(1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(9), "plan rest and fluids", 0.5),
    ]);

    private static SignedNote Note(string? amendment = null) => new("dict-0123", ExtractiveNoteDrafter.Draft(Spoken),
        "provider-oid-42", new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(30), amendment);

    [Fact]
    public void Build_SignedNote_IsACurrentFinalDocumentReferenceWithTheTextAttached()
    {
        // Arrange
        var note = Note();
        var text = NoteRenderer.Render(note);

        // Act
        var json = NoteDocumentReference.ToJson(NoteDocumentReference.Build(note, text, "MRN-778"));
        var parsed = JsonSerializer.Deserialize<DocumentReference>(json, NoteDocumentReference.Json)!;

        // Assert
        Assert.Equal("DocumentReference", JsonDocument.Parse(json).RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(DocumentReferenceStatus.Current, parsed.Status);
        Assert.Equal(CompositionStatus.Final, parsed.DocStatus);
        Assert.Equal(("http://loinc.org", "11506-3"), (parsed.Type!.Coding[0].System, parsed.Type!.Coding[0].Code));
        Assert.Equal("clinical-note", parsed.Category[0].Coding[0].Code);
        Assert.Equal("provider-oid-42", parsed.Authenticator!.Display);
        Assert.Equal("provider-oid-42", parsed.Author[0].Display);
        Assert.Equal("MRN-778", parsed.Subject!.Identifier!.Value);
        Assert.Equal("dict-0123", parsed.Identifier[0].Value);
        var attachment = parsed.Content.Single().Attachment;
        Assert.StartsWith("text/plain", attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal(text, Encoding.UTF8.GetString(attachment.Data!));
        Assert.Contains("LOW-CONFIDENCE", parsed.Description, StringComparison.Ordinal);
        Assert.Equal("2026-12-04T09:00:00+00:00", parsed.Context!.Period!.Start);
    }

    [Fact]
    public void Build_WithoutPatientIdentifier_LeavesSubjectOut()
    {
        // Act
        var reference = NoteDocumentReference.Build(Note(), "text", patientIdentifier: null);

        // Assert
        Assert.Null(reference.Subject);
    }

    [Fact]
    public void Render_EditAndApproveAmendment_IsLabeledAsTheProvidersOwnText()
    {
        // Act
        var text = NoteRenderer.Render(Note("Temperature was 38.2 in clinic."));

        // Assert
        Assert.Contains("PROVIDER AMENDMENT (written by the signing provider, not dictated)\nTemperature was 38.2 in clinic.",
            text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Electronically signed by provider-oid-42 at 2026-12-04 10:30 UTC.", text, StringComparison.Ordinal);
    }
}
