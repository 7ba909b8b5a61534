using System.Text.Json;
using System.Text.RegularExpressions;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Understanding;
using UglyToad.PdfPig;

namespace HipaaAi.Local.PriorAuthorization;

/// <summary>What a case folder is expected to end as, and where that expectation came from.</summary>
public sealed record ExpectedDecision(string Decision, string Source);

/// <summary>
/// One case folder: its documents (every PDF or image under it, the PA form first), the request staff would type
/// for it, and the decision recorded for it. A <c>request.json</c> in the folder is the request as given; without
/// one, payer and service are recognized from the PA form by the configured service and indication names, the way
/// a coordinator picks them from the form, and the diagnosis is coded with the configured category.
/// </summary>
public sealed partial class PriorAuthCaseFolder
{
    private static readonly string[] DocumentExtensions = [".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"];

    private PriorAuthCaseFolder(string path, string name, IReadOnlyList<string> files)
    {
        Path = path;
        Name = name;
        Files = files;
    }

    public string Path { get; }

    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Folders holding a <c>pa_form</c> folder or a <c>request.json</c>, in name order.</summary>
    public static IReadOnlyList<PriorAuthCaseFolder> Discover(string root)
    {
        var folders = Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Prepend(root)
            .Where(folder => Directory.Exists(System.IO.Path.Combine(folder, "pa_form"))
                || File.Exists(System.IO.Path.Combine(folder, "request.json")))
            .Order(StringComparer.Ordinal);
        return folders.Select(folder => new PriorAuthCaseFolder(folder,
                System.IO.Path.GetRelativePath(root, folder).Replace(System.IO.Path.DirectorySeparatorChar, '_'),
                Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(file => DocumentExtensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant()))
                    .OrderBy(file => file.Contains("pa_form", StringComparison.Ordinal) ? 0 : 1)
                    .ThenBy(file => file, StringComparer.Ordinal)
                    .ToList()))
            .ToList();
    }

    /// <summary>The request for this folder; <paramref name="runId"/> makes each run of the folder its own case.</summary>
    public PriorAuthRequestMessage BuildRequest(PayerCriteriaCatalog catalog, IReadOnlyList<string> blobReferences,
        DateOnly requestDate, string runId)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var given = System.IO.Path.Combine(Path, "request.json");
        if (File.Exists(given))
        {
            var request = JsonSerializer.Deserialize<PriorAuthRequestMessage>(File.ReadAllText(given),
                HipaaAi.Shared.Storage.DocumentStore.Json)!;
            return request with
            {
                RequestId = $"{request.RequestId ?? Name}-{runId}",
                Documents = blobReferences,
                RequestDate = request.RequestDate ?? requestDate,
            };
        }

        var formText = string.Join('\n', Files.Where(file => file.Contains("pa_form", StringComparison.Ordinal))
            .Select(ReadAllText));
        var allText = string.Join('\n', Files.Where(file => file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select(ReadAllText));
        var criteria = catalog.All
            .Where(item => Matches(formText, item.ServiceNames) && Matches(formText, item.Indications ?? []))
            .MaxBy(item => item.Version);
        var mrn = MrnRegex().Match(allText);
        var physician = PhysicianRegex().Match(formText);

        return new PriorAuthRequestMessage(
            RequestId: $"{Name}-{runId}",
            Payer: criteria?.Payer ?? "unrecognized",
            Plan: string.Empty,
            Service: criteria?.Service ?? "unrecognized",
            ServiceCode: null,
            Drug: null,
            DiagnosisCode: criteria is { DiagnosisCodes.Count: > 0 } ? criteria.DiagnosisCodes[0] : "unrecognized",
            Provider: new RequestingProvider(physician.Success ? physician.Groups[1].Value.Trim() : "unknown", null, null),
            PatientReference: mrn.Success ? mrn.Groups[1].Value : Name,
            Documents: blobReferences,
            IntakeRecords: null,
            UsePatientIntakeRecords: false,
            RequestDate: requestDate,
            DeclaredTypes: DeclaredTypes(blobReferences));
    }

    /// <summary>The corpus's folder names say what each document is, as a coordinator attaching it would.</summary>
    private static Dictionary<string, DocumentType> DeclaredTypes(IReadOnlyList<string> blobReferences)
    {
        var declared = new Dictionary<string, DocumentType>(StringComparer.Ordinal);
        foreach (var reference in blobReferences)
        {
            DocumentType? type = reference switch
            {
                _ when reference.Contains("/pa_form/", StringComparison.Ordinal) => DocumentType.PriorAuthorizationForm,
                _ when reference.Contains("/doctor_notes/", StringComparison.Ordinal) => DocumentType.ClinicalNote,
                _ when reference.Contains("/labs/", StringComparison.Ordinal) => DocumentType.LabResult,
                _ when reference.Contains("/imaging/", StringComparison.Ordinal) => DocumentType.ImagingReport,
                _ => null,
            };
            if (type is { } known)
            {
                declared[reference] = known;
            }
        }

        return declared;
    }

    /// <summary>
    /// The decision to compare against: a document's own "(APPROVAL)" or "(DENIAL)" header states the authors'
    /// intent; otherwise the folder's <c>results.json</c>.
    /// </summary>
    public ExpectedDecision? Expected()
    {
        foreach (var file in Files.Where(file => file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            var intent = IntentRegex().Match(ReadAllText(file));
            if (intent.Success)
            {
                return new ExpectedDecision(intent.Groups[1].Value.Equals("APPROVAL", StringComparison.OrdinalIgnoreCase)
                    ? "approved" : "rejected", "document header");
            }
        }

        var results = System.IO.Path.Combine(Path, "results.json");
        if (!File.Exists(results))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(results));
        return json.RootElement.TryGetProperty("decision", out var decision)
            ? new ExpectedDecision(decision.GetString() ?? "unknown", "results.json")
            : null;
    }

    private static bool Matches(string text, IReadOnlyList<string> patterns) =>
        patterns.Any(pattern => Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));

    private static string ReadAllText(string pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var text = string.Join('\n', document.GetPages().Select(page => page.Text));
            var fields = FormFieldReader.Read(pdf).Select(page => page.Text);
            return text + "\n" + string.Join('\n', fields);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }

    [GeneratedRegex(@"MRN:?\s*([A-Z0-9-]{4,})", RegexOptions.IgnoreCase)]
    private static partial Regex MrnRegex();

    [GeneratedRegex(@"Physician Name[^:]*:\s*([^\n]{2,60})", RegexOptions.IgnoreCase)]
    private static partial Regex PhysicianRegex();

    [GeneratedRegex(@"EXAMPLE\s*[A-Z]\s*\((APPROVAL|DENIAL)\)", RegexOptions.IgnoreCase)]
    private static partial Regex IntentRegex();
}
