using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// Reads the values typed into a fillable PDF (its AcroForm fields). Payer PA forms keep patient, drug and diagnosis
/// there, not in the page text, so a page reader alone sees an empty form. One line per filled field,
/// "field name: value", on the page that shows the field.
/// </summary>
public static class FormFieldReader
{
    public static IReadOnlyList<PageText> Read(string pdfPath)
    {
        using var document = PdfDocument.Open(pdfPath);
        if (!document.TryGetForm(out var form))
        {
            return [];
        }

        var lines = new List<(int Page, string Line)>();
        foreach (var field in form.GetFields())
        {
            var (key, value) = field.GetFieldValue();
            if (string.IsNullOrWhiteSpace(value) || value is "Off")
            {
                continue;
            }

            var name = key ?? field.Information.PartialName ?? "field";
            lines.Add((field.PageNumber ?? 1, $"{name.Trim()}: {value.Trim()}"));
        }

        return lines
            .GroupBy(item => item.Page)
            .OrderBy(group => group.Key)
            .Select(group => new PageText(group.Key, string.Join("\n", group.Select(item => item.Line)), 1, 0,
                PageTextSource.TextLayer))
            .ToList();
    }
}
