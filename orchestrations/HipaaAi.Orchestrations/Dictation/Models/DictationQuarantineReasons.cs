namespace HipaaAi.Orchestrations.Dictation.Models;

/// <summary>Quarantine reasons of dictation beyond the preflight verdicts. Codes only.</summary>
public static class DictationQuarantineReasons
{
    /// <summary>The recording has speech by its levels, but the engine recognised no words in it.</summary>
    public const string NothingTranscribed = "NothingTranscribed";
}
