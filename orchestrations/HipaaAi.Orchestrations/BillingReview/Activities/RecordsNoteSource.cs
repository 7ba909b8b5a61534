using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Finds a visit's clinical note among the records that records intake wrote (<c>records/{docId}/{NN}.json</c>):
/// a record of type <see cref="DocumentType.ClinicalNote"/> whose date of service is the visit's and whose patient is
/// the claim's (same member id, or same date of birth and last name). The note text is what the record keeps: its
/// extractive summary and the evidence line of each extracted field, not the full page text.
/// </summary>
public sealed partial class RecordsNoteSource(DocumentStore store) : IClinicalNoteSource
{
    // Loaded once per source; the documentation check asks for one visit at a time, never concurrently.
    private IReadOnlyList<IntakeRecord>? notes;

    public async Task<ClinicalNote?> FindNoteAsync(PatientReference patient, DateOnly dateOfService,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);

        var candidates = await LoadNotesAsync(cancellationToken).ConfigureAwait(false);
        var match = candidates.Where(record => Matches(record, patient, dateOfService))
            .OrderByDescending(record => record.ProcessedAt)
            .FirstOrDefault();
        return match is null ? null : new ClinicalNote(match.RecordId, NoteText(match));
    }

    /// <summary>True when the record is a clinical note of this patient's visit on this date.</summary>
    public static bool Matches(IntakeRecord record, PatientReference patient, DateOnly dateOfService)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(patient);

        if (record.Type != DocumentType.ClinicalNote)
        {
            return false;
        }

        var visit = dateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!record.Fields.Any(field => field.Name == FieldNames.DateOfService && field.Value == visit))
        {
            return false;
        }

        var memberId = Normalize(patient.MemberId);
        if (memberId.Length > 0 && record.Fields.Any(field =>
            field.Name == FieldNames.MemberId && Normalize(field.Value) == memberId))
        {
            return true;
        }

        var birth = patient.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return birth is not null && patient.LastName is { Length: > 0 } lastName
            && record.Fields.Any(field => field.Name == FieldNames.DateOfBirth && field.Value == birth)
            && record.Fields.Any(field => field.Name == FieldNames.PatientName
                && NameWords().Matches(field.Value).Any(word =>
                    string.Equals(word.Value, lastName, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The summary, then each distinct evidence line: the text a documentation check can quote.</summary>
    public static string NoteText(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var text = new StringBuilder(record.Summary);
        foreach (var evidence in record.Fields.Select(field => field.Evidence).Distinct(StringComparer.Ordinal))
        {
            text.Append('\n').Append(evidence);
        }

        return text.ToString();
    }

    private async Task<IReadOnlyList<IntakeRecord>> LoadNotesAsync(CancellationToken cancellationToken)
    {
        if (notes is not null)
        {
            return notes;
        }

        var found = new List<IntakeRecord>();
        var container = store.Container(StorageNames.Records);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken)
            .ConfigureAwait(false))
        {
            if (!RecordName().IsMatch(item.Name))
            {
                continue;
            }

            var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, item.Name,
                cancellationToken).ConfigureAwait(false);
            if (record.Type == DocumentType.ClinicalNote)
            {
                found.Add(record);
            }
        }

        notes = found;
        return found;
    }

    private static string Normalize(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    [GeneratedRegex(@"^[^/]+/\d{2}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordName();

    [GeneratedRegex(@"[\p{L}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameWords();
}
