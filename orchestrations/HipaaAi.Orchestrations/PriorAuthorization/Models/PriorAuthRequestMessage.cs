using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.PriorAuthorization.Models;

/// <summary>The requesting provider as the message names them.</summary>
public sealed record RequestingProvider(string? Name, string? Npi, string? Specialty);

/// <summary>
/// The queue message that asks for a prior authorization. Documents are blob references ("container/name");
/// <see cref="IntakeRecords"/> names records that records intake already produced ("records/doc-…/01.json"), and
/// <see cref="UsePatientIntakeRecords"/> asks for every intake record of the patient (matched on MRN or member id).
/// <see cref="DeclaredTypes"/> lets the requester say what a document is (the PA form, a clinical note): a declared
/// type is used as given and that document is not classified. The message carries PHI (patient reference, provider),
/// so it is kept in a blob and the orchestration carries its name only.
/// </summary>
public sealed record PriorAuthRequestMessage(
    string? RequestId,
    string? Payer,
    string? Plan,
    string? Service,
    string? ServiceCode,
    string? Drug,
    string? DiagnosisCode,
    RequestingProvider? Provider,
    string? PatientReference,
    IReadOnlyList<string>? Documents,
    IReadOnlyList<string>? IntakeRecords,
    bool UsePatientIntakeRecords,
    DateOnly? RequestDate,
    IReadOnlyDictionary<string, DocumentType>? DeclaredTypes = null);
