namespace HipaaAi.Shared.Understanding;

/// <summary>A document type needs one of <paramref name="AcceptedTypes"/> in the same file or packet.</summary>
public sealed record CompanionRequirement(
    DocumentType DocumentType,
    string Name,
    IReadOnlyList<DocumentType> AcceptedTypes);

/// <summary>A requirement that no document of the packet meets.</summary>
public sealed record MissingCompanion(
    DocumentType ForType,
    string Requirement,
    IReadOnlyList<DocumentType> AcceptedTypes);

/// <summary>
/// The companion documents each type needs (e.g. a prior-authorization form needs a clinical note), read from a
/// JSON file and checked across the documents of one file or fax packet.
/// </summary>
public sealed class CompanionDocumentRules
{
    public const string DefaultFileName = "companion-documents.json";

    public CompanionDocumentRules(IReadOnlyList<CompanionRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        foreach (var requirement in requirements)
        {
            if (string.IsNullOrWhiteSpace(requirement.Name) || requirement.AcceptedTypes is not { Count: > 0 })
            {
                throw new UnderstandingConfigurationException(
                    $"Companion requirement for {requirement.DocumentType} needs a name and an accepted type.");
            }
        }

        Requirements = requirements;
    }

    public IReadOnlyList<CompanionRequirement> Requirements { get; }

    /// <summary>Reads the rules from a JSON file.</summary>
    public static CompanionDocumentRules Load(string path) => Parse(RulesJson.Read(path), Path.GetFileName(path));

    /// <summary>
    /// Reads the rules from JSON text: <c>{"requirements":[{"documentType","name","acceptedTypes"}]}</c>.
    /// </summary>
    public static CompanionDocumentRules Parse(string json, string source = "companion rules")
    {
        var file = RulesJson.Parse<CompanionFile>(json, source);
        return new CompanionDocumentRules(file.Requirements ?? []);
    }

    /// <summary>The requirements that the documents of one packet leave unmet (one entry per requirement).</summary>
    public IReadOnlyList<MissingCompanion> FindMissing(IReadOnlyCollection<DocumentType> documentTypes)
    {
        ArgumentNullException.ThrowIfNull(documentTypes);
        var present = documentTypes.ToHashSet();
        return Requirements
            .Where(r => present.Contains(r.DocumentType) && !r.AcceptedTypes.Any(present.Contains))
            .Select(r => new MissingCompanion(r.DocumentType, r.Name, r.AcceptedTypes))
            .ToList();
    }

    private sealed record CompanionFile(IReadOnlyList<CompanionRequirement>? Requirements);
}
