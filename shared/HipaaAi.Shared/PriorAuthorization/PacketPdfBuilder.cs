using System.Globalization;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Understanding;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// A document to put into the packet: its case id and type, and either its pages of a PDF file (1-based, inclusive)
/// or the text read from it.
/// </summary>
public sealed record PacketSource(
    string DocumentId,
    DocumentType Type,
    string? PdfPath,
    int FirstPage,
    int LastPage,
    IReadOnlyList<string> PageTexts)
{
    public int PageCount => PdfPath is not null ? LastPage - FirstPage + 1 : PageTexts.Count;
}

/// <summary>Where each part of the packet starts (1-based page numbers of the packet).</summary>
public sealed record PacketSection(string Title, string? DocumentId, int FirstPage, int PageCount);

public sealed record BuiltPacket(byte[] Pdf, int PageCount, IReadOnlyList<PacketSection> Sections);

/// <summary>
/// Assembles the one PDF a payer receives: a cover sheet, the criteria checklist with a citation (document and page)
/// for each criterion, then the documents in the payer's order. PDF documents are copied page for page; a document
/// that arrived as an image is represented by the text that was read from it.
/// </summary>
public static class PacketPdfBuilder
{
    private const double Margin = 50;
    private const double LineHeight = 14;

    private static readonly ExternalTool Pdftoppm = new("pdftoppm", "pdftoppm", "poppler-utils");

    public static async Task<BuiltPacket> BuildAsync(
        string caseId,
        PriorAuthAssessment assessment,
        IReadOnlyList<PacketSource> sources,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(sources);

        DejaVuFontResolver.EnsureRegistered();
        using var packet = new PdfDocument();
        packet.Info.Title = $"Prior authorization request {caseId}";
        var sections = new List<PacketSection>();

        var ordered = Order(sources, assessment.PacketOrder);
        var documentStarts = PlanDocumentStarts(ordered, assessment, caseId);

        AddTextSection(packet, sections, "Cover sheet", null, CoverLines(caseId, assessment, documentStarts));
        AddTextSection(packet, sections, "Criteria checklist", null, ChecklistLines(assessment, documentStarts));
        foreach (var source in ordered)
        {
            var first = packet.PageCount + 1;
            var copied = source.PdfPath is not null
                && (TryImport(packet, source) || await TryRasterizeAsync(packet, source, cancellationToken)
                    .ConfigureAwait(false));
            if (!copied)
            {
                AddTextPages(packet, source.PageTexts.Select((text, index) =>
                    $"{Describe(source.Type)} (read text of page {index + 1}; the original could not be copied)" +
                    $"\n\n{text}"));
            }

            sections.Add(new PacketSection(Describe(source.Type), source.DocumentId, first, packet.PageCount - first + 1));
        }

        var pageCount = packet.PageCount;
        using var output = new MemoryStream();
        packet.Save(output, false);
        return new BuiltPacket(output.ToArray(), pageCount, sections);
    }

    // PDFsharp cannot import every PDF (some annotation trees reference objects it does not carry over).
    private static bool TryImport(PdfDocument packet, PacketSource source)
    {
        var before = packet.PageCount;
        try
        {
            using var input = PdfReader.Open(source.PdfPath!, PdfDocumentOpenMode.Import);
            for (var page = source.FirstPage; page <= Math.Min(source.LastPage, input.PageCount); page++)
            {
                packet.AddPage(input.Pages[page - 1]);
            }

            return true;
        }
        catch (Exception failure) when (failure is InvalidOperationException or KeyNotFoundException
            or PdfReaderException or NullReferenceException or InvalidCastException)
        {
            while (packet.PageCount > before)
            {
                packet.Pages.RemoveAt(packet.PageCount - 1);
            }

            return false;
        }
    }

    /// <summary>A page PDFsharp cannot import is drawn as an image of itself (pdftoppm), so its layout survives.</summary>
    private static async Task<bool> TryRasterizeAsync(PdfDocument packet, PacketSource source, CancellationToken token)
    {
        var folder = Directory.CreateTempSubdirectory("hipaaai-packet-");
        try
        {
            var result = await Pdftoppm.RunAsync(
                ["-r", "110", "-png", "-f", source.FirstPage.ToString(CultureInfo.InvariantCulture),
                    "-l", source.LastPage.ToString(CultureInfo.InvariantCulture), source.PdfPath!, "page"],
                folder.FullName, TimeSpan.FromMinutes(2), token).ConfigureAwait(false);
            var images = Directory.GetFiles(folder.FullName, "page*.png").Order(StringComparer.Ordinal).ToList();
            if (result.ExitCode != 0 || images.Count != source.PageCount)
            {
                return false;
            }

            foreach (var file in images)
            {
                var page = packet.AddPage();
                page.Width = XUnit.FromPoint(595);
                page.Height = XUnit.FromPoint(842);
                using var graphics = XGraphics.FromPdfPage(page);
                using var image = XImage.FromFile(file);
                var scale = Math.Min(595 / image.PointWidth, 842 / image.PointHeight);
                graphics.DrawImage(image, 0, 0, image.PointWidth * scale, image.PointHeight * scale);
            }

            return true;
        }
        catch (OcrSetupException)
        {
            return false;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The payer's order first; documents of types the payer does not list follow in arrival order.</summary>
    public static List<PacketSource> Order(IReadOnlyList<PacketSource> sources, IReadOnlyList<DocumentType> payerOrder)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(payerOrder);

        return sources
            .Select((source, arrival) => (source, arrival))
            .OrderBy(item => payerOrder.Contains(item.source.Type) ? payerOrder.ToList().IndexOf(item.source.Type) : int.MaxValue)
            .ThenBy(item => item.arrival)
            .Select(item => item.source)
            .ToList();
    }

    // The cover and checklist cite packet pages, so the documents' first pages are worked out before drawing.
    private static Dictionary<string, int> PlanDocumentStarts(
        List<PacketSource> ordered,
        PriorAuthAssessment assessment,
        string caseId)
    {
        var front = PagesFor(CoverLines(caseId, assessment, null)) + PagesFor(ChecklistLines(assessment, null));
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = front + 1;
        foreach (var source in ordered)
        {
            starts[source.DocumentId] = next;
            next += source.PageCount;
        }

        return starts;
    }

    private static List<string> CoverLines(
        string caseId,
        PriorAuthAssessment assessment,
        Dictionary<string, int>? starts)
    {
        var request = assessment.Request;
        var lines = new List<string>
        {
            "PRIOR AUTHORIZATION REQUEST",
            string.Empty,
            $"Case: {caseId}",
            $"Payer: {request.Payer}    Plan: {request.Plan}",
            $"Requested service: {request.Service}" + (request.ServiceCode is { } code ? $" ({code})" : string.Empty),
            $"Diagnosis: {request.DiagnosisCode}",
            $"Request date: {request.RequestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"Criteria: {assessment.CriteriaKey ?? "none configured for this payer and service"}",
            $"Readiness: {assessment.Readiness} ({assessment.CriteriaMet} of {assessment.Evidence.Count} criteria met)",
            string.Empty,
            "Enclosed documents:",
        };
        if (starts is not null)
        {
            lines.AddRange(starts.Select(start => $"  {start.Key} from page {start.Value}"));
        }

        if (assessment.Exceptions.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Open exceptions:");
            lines.AddRange(assessment.Exceptions.Select(issue => $"  {issue}"));
        }

        return lines;
    }

    private static List<string> ChecklistLines(PriorAuthAssessment assessment, Dictionary<string, int>? starts)
    {
        var lines = new List<string> { "CRITERIA CHECKLIST", string.Empty };
        if (assessment.CriteriaSource is { } source)
        {
            lines.Add($"Source: {source}");
            lines.Add(string.Empty);
        }

        foreach (var item in assessment.Evidence)
        {
            var mark = item.Status == CriterionStatus.Met ? (item.EvidenceProblem is null ? "[x]" : "[!]") : "[ ]";
            lines.Add($"{mark} {item.CriterionId}: {item.Text}");
            if (item.EvidenceProblem is { } problem)
            {
                lines.Add($"      {problem}");
            }

            if (item.Citations.Count == 0)
            {
                lines.Add("      not found in the enclosed documents");
            }

            foreach (var citation in item.Citations)
            {
                var packetPage = starts is not null && starts.TryGetValue(citation.DocumentId, out var start)
                    ? $", packet page {start + citation.Page - 1}"
                    : string.Empty;
                lines.Add($"      {Describe(citation.DocumentType)} page {citation.Page}{packetPage}: \"{citation.Text}\"");
            }

            lines.Add(string.Empty);
        }

        return lines;
    }

    private static void AddTextSection(
        PdfDocument packet,
        List<PacketSection> sections,
        string title,
        string? documentId,
        IReadOnlyList<string> lines)
    {
        var first = packet.PageCount + 1;
        AddTextPages(packet, [string.Join('\n', lines)]);
        sections.Add(new PacketSection(title, documentId, first, packet.PageCount - first + 1));
    }

    private static int PagesFor(IReadOnlyList<string> lines) =>
        Math.Max(1, (int)Math.Ceiling(Wrap(string.Join('\n', lines)).Count / (double)LinesPerPage()));

    private static int LinesPerPage() => (int)((XUnit.FromPoint(842).Point - 2 * Margin) / LineHeight);

    private static void AddTextPages(PdfDocument packet, IEnumerable<string> pageTexts)
    {
        var font = new XFont("DejaVu Sans", 9);
        foreach (var text in pageTexts)
        {
            var lines = Wrap(text);
            foreach (var chunk in lines.Chunk(LinesPerPage()).DefaultIfEmpty([]))
            {
                var page = packet.AddPage();
                page.Width = XUnit.FromPoint(595);
                page.Height = XUnit.FromPoint(842);
                using var graphics = XGraphics.FromPdfPage(page);
                var y = Margin;
                foreach (var line in chunk)
                {
                    graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y));
                    y += LineHeight;
                }
            }
        }
    }

    // About 95 characters of 9-point DejaVu Sans fit the printable width of an A4 page.
    private static List<string> Wrap(string text)
    {
        const int width = 95;
        var wrapped = new List<string>();
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            while (line.Length > width)
            {
                var cut = line.LastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                wrapped.Add(line[..cut]);
                line = "      " + line[cut..].TrimStart();
            }

            wrapped.Add(line);
        }

        return wrapped;
    }

    public static string Describe(DocumentType type) => type switch
    {
        DocumentType.PriorAuthorizationForm => "Prior authorization form",
        DocumentType.ClinicalNote => "Clinical note",
        DocumentType.LabResult => "Lab result",
        DocumentType.ImagingReport => "Imaging report",
        DocumentType.DischargeSummary => "Discharge summary",
        DocumentType.InsuranceCard => "Insurance card",
        _ => type.ToString(),
    };
}
