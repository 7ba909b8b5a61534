namespace HipaaAi.Orchestrations.Dictation.Activities;

/// <summary>
/// Names of one dictation's blobs. Work blobs share the <c>{id}/</c> prefix that quarantine and archive clear.
/// </summary>
public static class DictationBlobs
{
    public static string Audio(string dictationId) => $"{dictationId}/audio.wav";

    public static string Transcript(string dictationId) => $"{dictationId}/transcript.json";

    public static string Draft(string dictationId) => $"{dictationId}/draft.json";

    public static string DraftText(string dictationId) => $"{dictationId}/draft.txt";

    public static string DocumentReference(string dictationId) => $"dictation/{dictationId}.fhir.json";

    public static string NoteText(string dictationId) => $"dictation/{dictationId}.txt";
}
