using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>How a criterion is looked for in the documents.</summary>
public enum CriterionKind
{
    /// <summary>At least one group of patterns matches, every pattern of the group on the same page.</summary>
    Text,

    /// <summary>At least <see cref="Criterion.MinDistinct"/> different drugs of a list are named (tried or taken).</summary>
    StepTherapy,

    /// <summary>The patient's age on the request date, from a date of birth found in the documents.</summary>
    AgeAtLeast,

    /// <summary>A lab value printed after the analyte's name lies inside [Min, Max].</summary>
    LabRange,
}

/// <summary>
/// One of the payer's clinical criteria for a service. Patterns are case-insensitive regular expressions; a match
/// preceded on its line by one of <see cref="HedgedBy"/> (for example "concern for") does not count, because a
/// suspected diagnosis is not a confirmed one.
/// </summary>
public sealed record Criterion(
    string Id,
    string Text,
    CriterionKind Kind,
    IReadOnlyList<IReadOnlyList<string>>? AnyOf = null,
    IReadOnlyList<string>? HedgedBy = null,
    IReadOnlyList<string>? Drugs = null,
    int MinDistinct = 1,
    int? Years = null,
    string? Analyte = null,
    double? Min = null,
    double? Max = null,
    int? MaxAgeDays = null,
    IReadOnlyList<DocumentType>? FoundIn = null);

/// <summary>
/// A payer's prior-authorization requirements for one service, as staff transcribed them from the payer's policy.
/// Versions are kept side by side: a request is judged by the newest version in effect on its date.
/// </summary>
public sealed record PayerCriteria(
    string Payer,
    string Service,
    int Version,
    DateOnly EffectiveFrom,
    string Source,
    IReadOnlyList<string> ServiceCodes,
    IReadOnlyList<string> DiagnosisCodes,
    IReadOnlyList<string> ServiceNames,
    IReadOnlyList<string>? Indications,
    IReadOnlyList<DocumentType> RequiredDocuments,
    IReadOnlyList<DocumentType> PacketOrder,
    IReadOnlyList<Criterion> Criteria)
{
    public string Key => $"{Payer}/{Service}/v{Version}";
}
