using System.Text.RegularExpressions;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// Judges a case against the payer's configured criteria: the evidence per criterion, then every exception that
/// keeps the packet from being ready (missing documents, criteria without current evidence, a patient identity that
/// differs between documents, codes that do not match the request).
/// </summary>
public static class PriorAuthAssessor
{
    public static PriorAuthAssessment Assess(
        RequestedService request,
        PayerCriteria? criteria,
        IReadOnlyList<CaseDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(documents);

        var exceptions = new List<PacketIssue>();
        exceptions.AddRange(IdentityExceptions(documents));
        if (criteria is null)
        {
            exceptions.Insert(0, new PacketIssue(PacketExceptionCodes.NoCriteriaConfigured,
                $"{request.Payer}/{request.Service}"));
            return new PriorAuthAssessment(request, null, null, [], exceptions, DefaultOrder(documents));
        }

        var present = documents.Select(document => document.Type).ToHashSet();
        exceptions.AddRange(criteria.RequiredDocuments
            .Where(type => !present.Contains(type))
            .Select(type => new PacketIssue(PacketExceptionCodes.MissingDocument, type.ToString())));

        var evidence = EvidenceMatcher.Match(criteria, documents, request.RequestDate);
        foreach (var item in evidence)
        {
            if (item.Status == CriterionStatus.NotFound)
            {
                exceptions.Add(new PacketIssue(PacketExceptionCodes.CriterionWithoutEvidence, item.CriterionId));
            }
            else if (item.EvidenceProblem is { } problem)
            {
                exceptions.Add(new PacketIssue(problem, item.CriterionId));
            }
        }

        exceptions.AddRange(CodeExceptions(request, criteria, documents));
        return new PriorAuthAssessment(request, criteria.Key, criteria.Source, evidence, exceptions, criteria.PacketOrder);
    }

    /// <summary>The patient's name, date of birth and MRN must agree across every page of every document.</summary>
    public static IEnumerable<PacketIssue> IdentityExceptions(IReadOnlyList<CaseDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);

        // Pages are numbered through the whole case, in document order, so a message names a page of the packet.
        var number = 0;
        var pages = documents
            .SelectMany(document => document.Pages)
            .Select(page => page with { PageNumber = ++number })
            .ToList();
        return PatientConsistencyCheck.Check(pages)
            .Select(message => new PacketIssue(PacketExceptionCodes.IdentityMismatch, message));
    }

    private static IEnumerable<PacketIssue> CodeExceptions(
        RequestedService request,
        PayerCriteria criteria,
        IReadOnlyList<CaseDocument> documents)
    {
        if (request.ServiceCode is { Length: > 0 } code && criteria.ServiceCodes.Count > 0
            && !criteria.ServiceCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            yield return new PacketIssue(PacketExceptionCodes.ServiceCodeMismatch, "request");
        }

        var documentServiceCodes = CodesIn(documents, FieldNames.CptHcpcsCodes);
        if (request.ServiceCode is { Length: > 0 } requested && documentServiceCodes.Count > 0
            && !documentServiceCodes.Contains(requested, StringComparer.OrdinalIgnoreCase))
        {
            yield return new PacketIssue(PacketExceptionCodes.ServiceCodeMismatch, "documents");
        }

        var diagnosis = Category(request.DiagnosisCode);
        if (criteria.DiagnosisCodes.Count > 0
            && !criteria.DiagnosisCodes.Any(covered => diagnosis.StartsWith(Category(covered), StringComparison.Ordinal)))
        {
            yield return new PacketIssue(PacketExceptionCodes.DiagnosisCodeMismatch, "request");
        }

        var documentDiagnoses = CodesIn(documents, FieldNames.Icd10Codes);
        if (documentDiagnoses.Count > 0 && !documentDiagnoses.Any(found => Category(found) == diagnosis))
        {
            yield return new PacketIssue(PacketExceptionCodes.DiagnosisCodeMismatch, "documents");
        }

        if (criteria.ServiceNames.Count > 0 && !documents.Any(document => document.Pages.Any(page =>
                criteria.ServiceNames.Any(name => Regex.IsMatch(page.Text, name,
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))))
        {
            yield return new PacketIssue(PacketExceptionCodes.ServiceNotInDocuments, criteria.Service);
        }
    }

    private static List<string> CodesIn(IReadOnlyList<CaseDocument> documents, string field) =>
        documents.SelectMany(document => document.Fields)
            .Where(found => found.Name == field && found.IsValid)
            .Select(found => found.Value.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // ICD-10-CM categories are the first three characters; the payer's policy names categories, the note a subcode.
    private static string Category(string code)
    {
        var cleaned = code.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return cleaned.Length <= 3 ? cleaned : cleaned[..3];
    }

    private static List<DocumentType> DefaultOrder(IReadOnlyList<CaseDocument> documents) =>
        documents.Select(document => document.Type).Distinct().ToList();

    /// <summary>Page texts plus the values typed into a PDF form: both are what the document says.</summary>
    public static IReadOnlyList<PageText> WithFormFields(IReadOnlyList<PageText> pages, IReadOnlyList<PageText> formPages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(formPages);

        return pages.Select(page =>
        {
            var typed = formPages.Where(form => form.PageNumber == page.PageNumber).Select(form => form.Text).ToList();
            return typed.Count == 0 ? page : page with { Text = page.Text + "\n\n" + string.Join("\n", typed) };
        }).ToList();
    }
}
