namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>Where a case keeps its request, assessment, packet and status (in the records container).</summary>
public static class CaseBlobs
{
    public const string Prefix = "prior-auth/";

    public static string Request(string caseId) => $"{Prefix}{caseId}/request.json";

    public static string Assessment(string caseId) => $"{Prefix}{caseId}/assessment.json";

    public static string Packet(string caseId) => $"{Prefix}{caseId}/packet.pdf";

    public static string Summary(string caseId) => $"{Prefix}{caseId}/summary.json";

    public static string Status(string caseId) => $"{Prefix}{caseId}/status.json";
}
