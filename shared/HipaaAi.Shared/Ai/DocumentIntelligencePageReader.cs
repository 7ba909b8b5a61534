using System.Diagnostics;
using System.Globalization;
using System.Text;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Reads pages with Azure AI Document Intelligence (prebuilt-layout): one analyze call per request, covering only the
/// pages asked for. Each call is recorded as a <see cref="ModelCall"/> with sizes and outcome, never text.
/// </summary>
public sealed class DocumentIntelligencePageReader : IPageReader
{
    private readonly DocumentIntelligenceClient _client;
    private readonly IModelCallRecorder _recorder;
    private readonly ILogger<DocumentIntelligencePageReader> _logger;

    internal DocumentIntelligencePageReader(
        DocumentIntelligenceClient client,
        IModelCallRecorder recorder,
        ILogger<DocumentIntelligencePageReader> logger)
    {
        _client = client;
        _recorder = recorder;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EngineName => DocumentIntelligenceClient.ServiceName;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PageText>> ReadPagesAsync(
        string path,
        DocumentFormat format,
        IReadOnlyList<int> pageNumbers,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(pageNumbers);
        if (pageNumbers.Count == 0 || pageNumbers.Any(page => page < 1))
            throw new ArgumentException("Page numbers must be given and start at 1.", nameof(pageNumbers));

        var document = new BinaryData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        var pageRanges = PageRanges(pageNumbers);
        var byteCount = document.ToMemory().Length;
        var stopwatch = Stopwatch.StartNew();
        Logs.AnalyzeStarted(_logger, pageNumbers.Count, byteCount);

        try
        {
            var result = await _client.AnalyzeAsync(document, ContentType(format), pageRanges, cancellationToken)
                .ConfigureAwait(false);
            var pages = MapPages(result, pageNumbers);

            Record(result.ModelId, document, pages.Sum(page => page.Text.Length), ModelCallOutcomes.Succeeded, stopwatch);
            Logs.AnalyzeCompleted(_logger, pages.Count, stopwatch.ElapsedMilliseconds);
            return pages;
        }
        catch (Exception exception) when (OutcomeOf(exception, cancellationToken) is { } outcome)
        {
            Record(null, document, 0, outcome, stopwatch);
            Logs.AnalyzeFailed(_logger, outcome, stopwatch.ElapsedMilliseconds);
            throw;
        }
    }

    /// <summary>Compresses page numbers into the service's page list syntax, e.g. 1,2,3,5 becomes "1-3,5".</summary>
    internal static string PageRanges(IReadOnlyList<int> pageNumbers)
    {
        var sorted = pageNumbers.Distinct().Order().ToList();
        var ranges = new StringBuilder();
        var start = sorted[0];
        var previous = start;

        foreach (var page in sorted.Skip(1).Append(int.MaxValue))
        {
            if (page == previous + 1)
            {
                previous = page;
                continue;
            }

            if (ranges.Length > 0)
                ranges.Append(',');
            ranges.Append(start == previous
                ? start.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{start}-{previous}"));
            start = previous = page;
        }

        return ranges.ToString();
    }

    /// <summary>
    /// The clockwise rotation that makes a page upright, in quarter turns. The service reports the angle of the content
    /// itself (clockwise, -180..180); small skews round to zero.
    /// </summary>
    internal static int UprightRotation(double? contentAngle)
    {
        var quarterTurns = (int)Math.Round((contentAngle ?? 0) / 90.0, MidpointRounding.AwayFromZero);
        return ((-quarterTurns * 90 % 360) + 360) % 360;
    }

    private static List<PageText> MapPages(AnalyzeResult result, IReadOnlyList<int> pageNumbers)
    {
        var byNumber = (result.Pages ?? []).ToDictionary(page => page.PageNumber);
        var pages = new List<PageText>(pageNumbers.Count);

        foreach (var number in pageNumbers.Distinct().Order())
        {
            if (!byNumber.TryGetValue(number, out var page))
                throw new InvalidModelOutputException(
                    DocumentIntelligenceClient.ServiceName, "a requested page is missing");

            pages.Add(new PageText(
                number,
                PageContent(page),
                MeanConfidence(page),
                UprightRotation(page.Angle),
                PageTextSource.DocumentIntelligence));
        }

        return pages;
    }

    private static string PageContent(AnalyzedPage page)
    {
        if (page.Lines is { Count: > 0 } lines)
            return string.Join('\n', lines.Select(line => line.Content ?? string.Empty));

        return string.Join(' ', (page.Words ?? []).Select(word => word.Content ?? string.Empty));
    }

    /// <summary>The mean word confidence; a page with no words has nothing to be sure of and scores 0.</summary>
    private static double MeanConfidence(AnalyzedPage page)
    {
        var confidences = (page.Words ?? []).Where(word => word.Confidence is not null).ToList();
        return confidences.Count == 0 ? 0 : Math.Clamp(confidences.Average(word => word.Confidence!.Value), 0, 1);
    }

    private static string ContentType(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Tiff => "image/tiff",
        DocumentFormat.Png => "image/png",
        DocumentFormat.Jpeg => "image/jpeg",
        DocumentFormat.Bmp => "image/bmp",
        DocumentFormat.Heif => "image/heif",
        _ => "application/octet-stream",
    };

    private static string? OutcomeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => ModelCallOutcomes.Canceled,
        OperationCanceledException => ModelCallOutcomes.TimedOut,
        DocumentAnalysisFailedException => ModelCallOutcomes.AnalysisFailed,
        InvalidModelOutputException => ModelCallOutcomes.InvalidOutput,
        TimeoutException => ModelCallOutcomes.TimedOut,
        AzureAiRequestException or Azure.RequestFailedException => ModelCallOutcomes.RequestFailed,
        _ => null,
    };

    private void Record(
        string? model, BinaryData document, int responseCharacters, string outcome, Stopwatch stopwatch) =>
        _recorder.Record(new ModelCall(
            DocumentIntelligenceClient.ServiceName,
            Deployment: null,
            Model: model,
            Operation: "analyze",
            RequestCharacters: document.ToMemory().Length,
            ResponseCharacters: responseCharacters,
            InputTokens: null,
            OutputTokens: null,
            outcome,
            stopwatch.Elapsed));
}
