using System.Text;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Reads a claim file (X12 837P/837I, delimiters from its ISA, or claim JSON) and stores each claim on its own in the
/// work container, so the orchestration fans out over references. A file that cannot be read is a verdict, not a
/// failure: the orchestrator quarantines it with the parser's reason, which names positions and never content.
/// </summary>
public sealed class ParseClaimsActivity(DocumentStore store) : IWorkflowActivity<ParseClaimsInput, ParseClaimsResult>
{
    public const string FormatX12 = "X12";
    public const string FormatJson = "JSON";

    public async Task<ParseClaimsResult> RunAsync(
        ParseClaimsInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var blob = store.Container(input.Source.Container).GetBlobClient(input.Source.Name);
        var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var verdict = Parse(content.Value.Content.ToArray());
        if (!verdict.Accepted)
        {
            execution.ReportOutcome("Malformed", verdict.Reason);
            return new ParseClaimsResult(false, verdict.Format, verdict.Reason, verdict.Detail, []);
        }

        var claims = new List<ClaimWork>(verdict.Claims.Count);
        for (var index = 1; index <= verdict.Claims.Count; index++)
        {
            var claim = verdict.Claims[index - 1];
            var name = BillingBlobs.Claim(input.FileId, index);
            await ClaimBlobs.WriteAsync(store, StorageNames.Work, name, claim, cancellationToken).ConfigureAwait(false);
            claims.Add(new ClaimWork(index, claim.Kind, claim.Lines.Count, name));
        }

        execution.ReportOutcome("Parsed", $"{verdict.Format}:{claims.Count}");
        return new ParseClaimsResult(true, verdict.Format, null, null, claims);
    }

    /// <summary>The parse verdict for a file's bytes; pure, so the rules are tested without storage.</summary>
    public static ParsedClaimFile Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ParsedClaimFile.Malformed("Unknown", "the file is not UTF-8 or ASCII text");
        }

        var start = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (start.IsEmpty)
        {
            return ParsedClaimFile.Malformed("Unknown", "the file is empty");
        }

        var isJson = start[0] is '{' or '[';
        var format = isJson ? FormatJson : FormatX12;
        try
        {
            var claims = isJson
                ? ClaimJson.Deserialize(start.ToString())
                : X12ClaimParser.Parse(start.ToString()).Claims;
            return claims.Count == 0
                ? new ParsedClaimFile(false, format, BillingReasons.NoClaims, "the file holds no claim", [])
                : new ParsedClaimFile(true, format, null, null, claims);
        }
        catch (X12ParseException exception)
        {
            // The parser's message names the segment position, id and element, never the element's content.
            return ParsedClaimFile.Malformed(format, exception.Message);
        }
        catch (FormatException exception)
        {
            // ClaimJson reports the JSON path and line only.
            return ParsedClaimFile.Malformed(format, exception.Message);
        }
    }
}

/// <summary>What a claim file holds, or why it cannot be read.</summary>
public sealed record ParsedClaimFile(
    bool Accepted,
    string Format,
    string? Reason,
    string? Detail,
    IReadOnlyList<Claim> Claims)
{
    public static ParsedClaimFile Malformed(string format, string detail) =>
        new(false, format, BillingReasons.MalformedClaimFile, detail, []);
}
