namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Names of the intermediate blobs one file produces in the work container.</summary>
internal static class WorkBlobs
{
    public static string Prefix(string documentId) => $"{documentId}/";

    public static string Page(string documentId, int page) => $"{documentId}/pages/{page:D4}.json";

    public static string Fields(string documentId, int segment) => $"{documentId}/segments/{segment:D2}/fields.json";

    public static string Summary(string documentId, int segment) => $"{documentId}/segments/{segment:D2}/summary.json";

    public static string Record(string documentId, int segment) => $"{documentId}/{segment:D2}.json";

    public static string Archive(string documentId, string sourceName) =>
        $"{documentId}/source{Path.GetExtension(sourceName).ToLowerInvariant()}";
}
