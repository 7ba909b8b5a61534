using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// The signed note as a FHIR R4 <c>DocumentReference</c> for the EHR interface: current, final, LOINC 11506-3
/// "Progress note", authenticated by the signing provider, with the plain-text note as its attachment. The patient is
/// the one the dictation system named (an identifier in the blob's metadata); the EHR interface resolves it.
/// </summary>
public static class NoteDocumentReference
{
    public const string IdentifierSystem = "urn:hipaaai:dictation";

    public static DocumentReference Build(SignedNote note, string plainText, string? patientIdentifier)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(plainText);

        var reference = new DocumentReference
        {
            Id = note.DictationId,
            Status = DocumentReferenceStatus.Current,
            DocStatus = CompositionStatus.Final,
            Type = new CodeableConcept("http://loinc.org", "11506-3", "Progress note"),
            Category =
            [
                new CodeableConcept("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                    "clinical-note", "Clinical Note"),
            ],
            Date = note.SignedAt,
            Description = note.Draft.LowConfidence
                ? "Dictated clinical note (LOW-CONFIDENCE transcript, offline engine)"
                : "Dictated clinical note",
            Identifier = [new Identifier(IdentifierSystem, note.DictationId)],
            Author = [new ResourceReference { Display = note.SignedBy }],
            Authenticator = new ResourceReference { Display = note.SignedBy },
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment
                    {
                        ContentType = "text/plain; charset=utf-8",
                        Language = "en",
                        Data = Encoding.UTF8.GetBytes(plainText),
                        Title = "Clinical note",
                        CreationElement = new FhirDateTime(note.SignedAt),
                    },
                },
            ],
        };

        if (!string.IsNullOrWhiteSpace(patientIdentifier))
        {
            reference.Subject = new ResourceReference
            {
                Identifier = new Identifier("urn:hipaaai:patient", patientIdentifier),
            };
        }

        reference.Context = new DocumentReference.ContextComponent
        {
            Period = new Period(new FhirDateTime(note.RecordedAt), new FhirDateTime(note.RecordedAt + note.Duration)),
        };
        return reference;
    }

    /// <summary>FHIR JSON (the SDK's System.Text.Json converters for R4), indented.</summary>
    public static JsonSerializerOptions Json { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string ToJson(DocumentReference reference) => JsonSerializer.Serialize(reference, Json);
}
