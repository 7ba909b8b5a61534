using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

public sealed record RoutingDecision(string Queue, bool IsReview, IReadOnlyList<string> Reasons);

public sealed class PatientConsistencyCheck
{
    public IReadOnlyList<string> Check(IReadOnlyList<PageText> pages) => throw new NotImplementedException();
}

public sealed class CompanionDocumentRules
{
    public IReadOnlyList<string> FindMissing(DocumentType type, IReadOnlyList<DocumentType> packet) =>
        throw new NotImplementedException();
}

public sealed class RoutingRules
{
    public RoutingDecision Decide(DocumentType type, double confidence, IReadOnlyList<ExtractedField> fields,
        IReadOnlyList<string> exceptions) => throw new NotImplementedException();
}
