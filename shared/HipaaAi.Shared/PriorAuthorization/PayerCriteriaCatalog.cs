using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// Every payer's criteria, loaded from the JSON files of a directory (one file per payer, service and version).
/// A request for a payer or service without a file gets no criteria: nothing is ever made up.
/// </summary>
public sealed class PayerCriteriaCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly IReadOnlyList<PayerCriteria> _all;

    public PayerCriteriaCatalog(IEnumerable<PayerCriteria> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);

        _all = criteria.ToList();
        var duplicate = _all.GroupBy(item => Normalize(item.Key)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Criteria {duplicate.First().Key} are configured twice.");
        }

        foreach (var item in _all)
        {
            Validate(item);
        }
    }

    public IReadOnlyList<PayerCriteria> All => _all;

    public static PayerCriteriaCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The prior-authorization criteria directory {directory} does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal);
        return new PayerCriteriaCatalog(files.Select(Parse));
    }

    public static PayerCriteria Parse(string path) => ParseJson(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads one criteria file's JSON; <paramref name="name"/> names it in errors.</summary>
    public static PayerCriteria ParseJson(string json, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<PayerCriteria>(json, Json)
                ?? throw new InvalidDataException($"{name} holds no criteria.");
        }
        catch (JsonException failure)
        {
            throw new InvalidDataException($"{name} is not valid criteria JSON: {failure.Message}", failure);
        }
    }

    /// <summary>The newest version in effect on <paramref name="asOf"/>, or null when the payer has none for it.</summary>
    public PayerCriteria? Find(string payer, string service, DateOnly asOf) =>
        _all.Where(item => Normalize(item.Payer) == Normalize(payer) && Normalize(item.Service) == Normalize(service))
            .Where(item => item.EffectiveFrom <= asOf)
            .MaxBy(item => item.Version);

    private static string Normalize(string value) => value.Trim().ToUpperInvariant();

    private static void Validate(PayerCriteria item)
    {
        if (string.IsNullOrWhiteSpace(item.Payer) || string.IsNullOrWhiteSpace(item.Service) || item.Version < 1)
        {
            throw new InvalidDataException("Criteria need a payer, a service and a version of at least 1.");
        }

        if (item.Criteria.Count == 0 || item.RequiredDocuments is null || item.PacketOrder is null)
        {
            throw new InvalidDataException($"Criteria {item.Key} need criteria, required documents and a packet order.");
        }

        foreach (var criterion in item.Criteria)
        {
            var valid = criterion.Kind switch
            {
                CriterionKind.Text => criterion.AnyOf is { Count: > 0 } && criterion.AnyOf.All(group => group.Count > 0),
                CriterionKind.StepTherapy => criterion.Drugs is { Count: > 0 } && criterion.MinDistinct >= 1,
                CriterionKind.AgeAtLeast => criterion.Years is >= 0,
                CriterionKind.LabRange => !string.IsNullOrWhiteSpace(criterion.Analyte)
                    && (criterion.Min is not null || criterion.Max is not null),
                _ => false,
            };
            if (!valid)
            {
                throw new InvalidDataException($"Criterion {criterion.Id} of {item.Key} is incomplete for {criterion.Kind}.");
            }

            // A bad pattern must fail at load time, not in the middle of a case.
            foreach (var pattern in (criterion.AnyOf ?? []).SelectMany(group => group)
                .Concat(criterion.HedgedBy ?? []).Concat(criterion.Drugs ?? []))
            {
                _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }
    }
}
