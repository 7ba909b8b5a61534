using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.Annotations;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// Reads the values typed into a PDF form: AcroForm fields ("field name: value") and the text boxes a PDF viewer
/// adds when someone types onto a flat form (FreeText annotations). Payer PA forms keep patient, drug and diagnosis
/// there, not in the page text, so a page reader alone sees an empty form. One paragraph per value, on its page.
/// </summary>
public static class FormFieldReader
{
    public static IReadOnlyList<PageText> Read(string pdfPath)
    {
        using var document = PdfDocument.Open(pdfPath);
        var lines = new List<(int Page, string Line)>();
        foreach (var page in document.GetPages())
        {
            foreach (var annotation in page.GetAnnotations())
            {
                if (annotation.Type == AnnotationType.FreeText && !string.IsNullOrWhiteSpace(annotation.Content))
                {
                    lines.Add((page.Number, annotation.Content.Trim()));
                }
            }
        }

        var fields = document.TryGetForm(out var form) ? form.GetFields() : [];
        foreach (var field in fields)
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
            // A blank line between values keeps each typed value its own passage for evidence matching.
            .Select(group => new PageText(group.Key, string.Join("\n\n", group.Select(item => item.Line)), 1, 0,
                PageTextSource.TextLayer))
            .ToList();
    }
}
