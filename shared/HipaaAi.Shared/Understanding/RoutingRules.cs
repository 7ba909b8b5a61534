using System.Globalization;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Understanding;

/// <summary>Where a document goes: a staff queue, or the review queue with the reasons (no document values).</summary>
public sealed record RoutingDecision(string Queue, bool IsReview, IReadOnlyList<string> Reasons);

/// <summary>What routing looks at for one document.</summary>
public sealed record RoutingInput(
    Classification Classification,
    IReadOnlyList<ExtractedField> Fields,
    IReadOnlyList<string> PatientExceptions,
    IReadOnlyList<MissingCompanion> MissingCompanions);

/// <summary>
/// Routes a document by type to a staff queue, or to the review queue when the classification is unsure, a field
/// is invalid or missing, its pages disagree about the patient, or a companion document is missing. Read from a JSON
/// file; every queue name is checked against the Azure Storage queue naming rules when the rules are built.
/// </summary>
public sealed partial class RoutingRules
{
    public const string DefaultFileName = "routing.json";
    public const double DefaultReviewConfidenceThreshold = 0.6;

    private readonly IReadOnlyDictionary<DocumentType, string> queues;
    private readonly IReadOnlyDictionary<DocumentType, IReadOnlyList<string>> requiredFields;

    public RoutingRules(
        IReadOnlyDictionary<DocumentType, string> queues,
        string defaultQueue,
        string reviewQueue,
        double reviewConfidenceThreshold,
        IReadOnlyDictionary<DocumentType, IReadOnlyList<string>> requiredFields)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(requiredFields);
        foreach (var queue in queues.Values.Append(defaultQueue).Append(reviewQueue))
        {
            if (!IsValidQueueName(queue))
            {
                throw new UnderstandingConfigurationException(
                    $"Queue name '{queue}' is not a valid Azure Storage queue name " +
                    "(3-63 lowercase letters, digits and single hyphens).");
            }
        }

        if (reviewConfidenceThreshold is < 0 or > 1 || double.IsNaN(reviewConfidenceThreshold))
        {
            throw new UnderstandingConfigurationException("The review confidence threshold must be between 0 and 1.");
        }

        var unknown = requiredFields.Values.SelectMany(f => f).Where(f => !FieldNames.All.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnderstandingConfigurationException(
                $"Unknown required field names: {string.Join(", ", unknown)}.");
        }

        this.queues = queues;
        this.requiredFields = requiredFields;
        DefaultQueue = defaultQueue;
        ReviewQueue = reviewQueue;
        ReviewConfidenceThreshold = reviewConfidenceThreshold;
    }

    public string DefaultQueue { get; }

    public string ReviewQueue { get; }

    public double ReviewConfidenceThreshold { get; }

    /// <summary>Reads the rules from a JSON file; a threshold given here overrides the file's.</summary>
    public static RoutingRules Load(string path, double? confidenceThresholdOverride = null) =>
        Parse(RulesJson.Read(path), confidenceThresholdOverride, Path.GetFileName(path));

    /// <summary>Reads the rules from JSON text (see Config/routing.json for the shape).</summary>
    public static RoutingRules Parse(
        string json,
        double? confidenceThresholdOverride = null,
        string source = "routing rules")
    {
        var file = RulesJson.Parse<RoutingFile>(json, source);
        if (string.IsNullOrWhiteSpace(file.ReviewQueue) || string.IsNullOrWhiteSpace(file.DefaultQueue))
        {
            throw new UnderstandingConfigurationException($"Rules file '{source}' needs reviewQueue and defaultQueue.");
        }

        return new RoutingRules(
            file.Queues ?? new Dictionary<DocumentType, string>(),
            file.DefaultQueue,
            file.ReviewQueue,
            confidenceThresholdOverride ?? file.ReviewConfidenceThreshold ?? DefaultReviewConfidenceThreshold,
            file.RequiredFields ?? new Dictionary<DocumentType, IReadOnlyList<string>>());
    }

    /// <summary>
    /// True for a valid Azure Storage queue name: 3-63 characters, lowercase letters, digits and hyphens, starting
    /// and ending with a letter or digit, with no two hyphens in a row.
    /// </summary>
    public static bool IsValidQueueName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && QueueNameRegex().IsMatch(name)
        && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>The staff queue of a document type.</summary>
    public string QueueFor(DocumentType type) => queues.GetValueOrDefault(type) ?? DefaultQueue;

    /// <summary>The fields a document of this type must have.</summary>
    public IReadOnlyList<string> RequiredFieldsFor(DocumentType type) => requiredFields.GetValueOrDefault(type) ?? [];

    /// <summary>Decides the queue of one document and, for review, every reason.</summary>
    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reasons = new List<string>();
        var confidence = input.Classification.Confidence;
        if (confidence < ReviewConfidenceThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"classification confidence {confidence:F2} is below {ReviewConfidenceThreshold:F2}"));
        }

        reasons.AddRange(input.Fields.Where(f => !f.IsValid)
            .Select(f => $"invalid {f.Name} on page {f.Page}: {f.Problem ?? "failed validation"}"));
        reasons.AddRange(RequiredFieldsFor(input.Classification.Type)
            .Where(required => !input.Fields.Any(f => f.Name == required))
            .Select(required => $"missing required field {required}"));
        reasons.AddRange(input.PatientExceptions.Select(e => $"patient inconsistency: {e}"));
        reasons.AddRange(input.MissingCompanions.Select(m => $"missing companion document: {m.Requirement}"));

        return reasons.Count > 0
            ? new RoutingDecision(ReviewQueue, true, reasons)
            : new RoutingDecision(QueueFor(input.Classification.Type), false, []);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNameRegex();

    private sealed record RoutingFile(
        string? DefaultQueue,
        string? ReviewQueue,
        double? ReviewConfidenceThreshold,
        Dictionary<DocumentType, string>? Queues,
        Dictionary<DocumentType, IReadOnlyList<string>>? RequiredFields);
}
