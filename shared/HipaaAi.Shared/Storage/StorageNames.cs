namespace HipaaAi.Shared.Storage;

/// <summary>Container names shared by the app, the local host and the Bicep template.</summary>
public static class StorageNames
{
    public const string FaxInbox = "inbox-fax";
    public const string ScanInbox = "inbox-scan";

    /// <summary>837P/837I files and claim JSON for billing review.</summary>
    public const string ClaimsInbox = "inbox-claims";
    public const string Work = "work";
    public const string Records = "records";
    public const string Quarantine = "quarantine";
    public const string Outbox = "outbox";
    public const string DictationInbox = "inbox-dictation";

    /// <summary>The name of the connection (app setting prefix) every trigger and client of the product uses.</summary>
    public const string Connection = "IntakeStorage";

    public static IReadOnlyList<string> RecordsInboxes { get; } = [FaxInbox, ScanInbox];

    public static IReadOnlyList<string> AllContainers { get; } =
        [FaxInbox, ScanInbox, DictationInbox, ClaimsInbox, Work, Records, Quarantine, Outbox];
}
