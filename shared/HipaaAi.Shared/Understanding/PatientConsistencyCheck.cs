using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

/// <summary>
/// Checks that every page of one document belongs to the same patient by comparing the name, date of birth and MRN
/// printed on each page with the first page that printed them. Messages name pages and parts, never values.
/// </summary>
public static class PatientConsistencyCheck
{
    /// <summary>One message per differing part, e.g. "page 3: patient MRN differs from page 1".</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<PageText> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var exceptions = new List<string>();
        (string Value, int Page)? name = null, dateOfBirth = null, mrn = null;
        foreach (var page in pages.OrderBy(p => p.PageNumber))
        {
            var identity = ClinicalText.ReadIdentity(page.Text);
            Compare(ref mrn, identity.Mrn, page.PageNumber, "MRN", exceptions);
            Compare(ref dateOfBirth, identity.DateOfBirth, page.PageNumber, "date of birth", exceptions);
            Compare(ref name, identity.Name, page.PageNumber, "name", exceptions);
        }

        return exceptions;
    }

    private static void Compare(
        ref (string Value, int Page)? reference,
        LabelledValue? seen,
        int pageNumber,
        string part,
        List<string> exceptions)
    {
        if (seen is null)
        {
            return;
        }

        if (reference is null)
        {
            reference = (seen.Value, pageNumber);
            return;
        }

        if (!string.Equals(reference.Value.Value, seen.Value, StringComparison.OrdinalIgnoreCase))
        {
            exceptions.Add($"page {pageNumber}: patient {part} differs from page {reference.Value.Page}");
        }
    }
}
