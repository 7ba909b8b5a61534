using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// The billing-review entry point: claims (or an 837 file, or claim JSON) in, a <see cref="BillingReport"/> out. Runs
/// every <see cref="IClaimCheck"/> and, when a note source is configured, the <see cref="DocumentationCheck"/>.
/// </summary>
public sealed class BillingReview(
    IEnumerable<IClaimCheck> checks,
    DocumentationCheck? documentation,
    BillingReviewOptions options,
    ILogger<BillingReview> logger)
{
    private readonly IClaimCheck[] checks = checks.ToArray();

    /// <summary>
    /// A review with the standard checks over the given (or shipped sample) tables, without DI: for tools and
    /// benchmarks.
    /// </summary>
    public static BillingReview Create(BillingReviewOptions? options = null, IClinicalNoteSource? notes = null,
        TimeProvider? time = null)
    {
        options ??= new BillingReviewOptions();
        var tables = BillingTables.Load(options);
        return new BillingReview(StandardChecks(options, tables, time ?? TimeProvider.System),
            notes is null ? null : new DocumentationCheck(notes, DocumentationCheck.DefaultKeywords()), options,
            NullLogger<BillingReview>.Instance);
    }

    /// <summary>The built-in checks: code sets, NCCI PTP/MUE, modifiers and payer rules.</summary>
    public static IReadOnlyList<IClaimCheck> StandardChecks(BillingReviewOptions options, BillingTables tables,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return
        [
            new CodeSetCheck(),
            new NcciCheck(tables.Ptp, tables.Mue, time),
            new ModifierCheck(options, time),
            new PayerRuleCheck(tables.PayerRules),
        ];
    }

    /// <summary>Reviews <paramref name="claims"/>.</summary>
    public async Task<BillingReport> ReviewAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var stopwatch = Stopwatch.StartNew();
        var reviews = new List<ClaimReview>(claims.Count);
        int visits = 0, notesFound = 0;
        foreach (var claim in claims)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var findings = new List<BillingFinding>();
            foreach (var check in checks)
            {
                findings.AddRange(check.Check(claim));
            }

            if (documentation is not null)
            {
                var result = await documentation.CheckAsync(claim, cancellationToken).ConfigureAwait(false);
                findings.AddRange(result.Findings);
                visits += result.VisitCount;
                notesFound += result.NotesFound;
            }

            var ordered = findings.OrderByDescending(finding => finding.Severity)
                .ThenBy(finding => finding.LineNumber ?? 0)
                .ThenBy(finding => finding.Rule, StringComparer.Ordinal)
                .ToArray();
            reviews.Add(new ClaimReview(claim.ClaimId, claim.Kind, claim.TotalCharge, ordered,
                ordered.Any(finding => finding.Severity >= options.StaffReviewThreshold)));
        }

        var report = BillingReport.Create(reviews, options.StaffReviewThreshold);
        if (documentation is not null)
        {
            Logs.NotesLooked(logger, notesFound, visits);
        }

        var findingCount = report.CountsBySeverity.Values.Sum();
        var errorCount = report.CountsBySeverity[FindingSeverity.Error];
        var reviewCount = report.ClaimsNeedingReview;
        Logs.ReviewCompleted(
            logger, claims.Count, findingCount, errorCount, reviewCount, stopwatch.ElapsedMilliseconds);
        return report;
    }

    /// <summary>Parses an 837P/837I interchange and reviews its claims.</summary>
    /// <exception cref="X12ParseException">The file is malformed.</exception>
    public Task<BillingReport> ReviewX12Async(string x12, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(x12);
        X12ParseResult parsed;
        try
        {
            parsed = X12ClaimParser.Parse(x12);
        }
        catch (X12ParseException exception)
        {
            Logs.ParseRejected(logger, x12.Length, exception.SegmentIndex);
            throw;
        }

        return ReviewAsync(parsed.Claims, cancellationToken);
    }

    /// <summary>Reviews claims given as <see cref="ClaimJson"/>.</summary>
    /// <exception cref="FormatException">The JSON is malformed.</exception>
    public Task<BillingReport> ReviewJsonAsync(string json, CancellationToken cancellationToken) =>
        ReviewAsync(ClaimJson.Deserialize(json), cancellationToken);

    /// <summary>
    /// Reviews a file of many claims: JSON when it starts with '{' or '[', X12 otherwise. The benchmark entry point.
    /// </summary>
    public async Task<BillingReport> ReviewFileAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var start = text.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '{' or '['
            ? await ReviewJsonAsync(text, cancellationToken).ConfigureAwait(false)
            : await ReviewX12Async(text, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The PTP, MUE and payer tables a review runs against.</summary>
/// <param name="Ptp">NCCI PTP edits.</param>
/// <param name="Mue">Medically Unlikely Edits.</param>
/// <param name="PayerRules">Payer-specific rules.</param>
/// <param name="PtpSource">"configured file" or "shipped sample".</param>
/// <param name="MueSource">"configured file" or "shipped sample".</param>
public sealed record BillingTables(PtpEditTable Ptp, MueTable Mue, PayerRules PayerRules, string PtpSource,
    string MueSource)
{
    /// <summary>Loads the configured files, or the shipped samples where no path is set.</summary>
    public static BillingTables Load(BillingReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ptp = string.IsNullOrWhiteSpace(options.PtpTablePath)
            ? BillingResources.LoadSamplePtp()
            : PtpEditTable.LoadFile(options.PtpTablePath);
        var mue = string.IsNullOrWhiteSpace(options.MueTablePath)
            ? BillingResources.LoadSampleMue()
            : MueTable.LoadFile(options.MueTablePath);
        var payers = string.IsNullOrWhiteSpace(options.PayerRulesPath)
            ? BillingResources.LoadExamplePayerRules()
            : PayerRules.LoadFile(options.PayerRulesPath);
        return new BillingTables(ptp, mue, payers,
            string.IsNullOrWhiteSpace(options.PtpTablePath) ? "shipped sample" : "configured file",
            string.IsNullOrWhiteSpace(options.MueTablePath) ? "shipped sample" : "configured file");
    }
}
