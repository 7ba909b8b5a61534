using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>What was asked for: the payer, the service and the diagnosis, as the request message named them.</summary>
public sealed record RequestedService(
    string Payer,
    string Plan,
    string Service,
    string? ServiceCode,
    string DiagnosisCode,
    DateOnly RequestDate);

/// <summary>One document of the case as the assessment sees it: its read pages and the fields intake extracted.</summary>
public sealed record CaseDocument(
    string DocumentId,
    DocumentType Type,
    IReadOnlyList<PageText> Pages,
    IReadOnlyList<ExtractedField> Fields)
{
    /// <summary>The latest date of service on the document, the date its evidence speaks for; null when undated.</summary>
    public DateOnly? Date => Fields
        .Where(found => found.Name == FieldNames.DateOfService && found.IsValid)
        .Select(found => DateOnly.TryParse(found.Value, System.Globalization.CultureInfo.InvariantCulture, out var date)
            ? date
            : (DateOnly?)null)
        .Where(date => date is not null)
        .Max();
}

/// <summary>A passage that supports a criterion: which document, which page, and the line itself.</summary>
public sealed record Citation(string DocumentId, DocumentType DocumentType, int Page, string Text);

public enum CriterionStatus
{
    Met,
    NotFound,
}

/// <summary>The evidence found for one criterion, or that none was found.</summary>
public sealed record CriterionEvidence(
    string CriterionId,
    string Text,
    CriterionStatus Status,
    IReadOnlyList<Citation> Citations,
    string? EvidenceProblem);

/// <summary>Content-free codes for what keeps a packet from being ready; staff see these beside the citations.</summary>
public static class PacketExceptionCodes
{
    public const string NoCriteriaConfigured = "NoCriteriaConfigured";
    public const string MissingDocument = "MissingDocument";
    public const string CriterionWithoutEvidence = "CriterionWithoutEvidence";
    public const string EvidenceExpired = "EvidenceExpired";
    public const string EvidenceUndated = "EvidenceUndated";
    public const string IdentityMismatch = "IdentityMismatch";
    public const string ServiceCodeMismatch = "ServiceCodeMismatch";
    public const string DiagnosisCodeMismatch = "DiagnosisCodeMismatch";
    public const string ServiceNotInDocuments = "ServiceNotInDocuments";
}

/// <summary>One reason the packet is not ready, as a code and a content-free detail (a type, a criterion id, a page).</summary>
public sealed record PacketIssue(string Code, string Detail)
{
    public override string ToString() => $"{Code}:{Detail}";
}

/// <summary>
/// The whole judgement of a case: which criteria version was used, the evidence per criterion and the exceptions.
/// It holds quotations from the documents (PHI) and is stored beside the packet, never in the orchestration.
/// </summary>
public sealed record PriorAuthAssessment(
    RequestedService Request,
    string? CriteriaKey,
    string? CriteriaSource,
    IReadOnlyList<CriterionEvidence> Evidence,
    IReadOnlyList<PacketIssue> Exceptions,
    IReadOnlyList<DocumentType> PacketOrder)
{
    public int CriteriaMet => Evidence.Count(item => item.Status == CriterionStatus.Met && item.EvidenceProblem is null);

    /// <summary>"criteria met" only when criteria exist, every one has current evidence and nothing else is wrong.</summary>
    public bool IsReady => CriteriaKey is not null && Exceptions.Count == 0;

    public string Readiness => IsReady ? "criteria met" : "exceptions";
}
