using System.Diagnostics;
using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Billing;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Claims per second through the billing checks on one generated 837P interchange of many claims: parsing, the
/// standard checks (code sets, NCCI PTP/MUE on the shipped sample tables, modifiers, payer rules), and both together.
/// In process, no storage: the orchestration's own overhead is not in these figures. Prints figures; asserts nothing.
/// </summary>
public static class BillingBench
{
    public static async Task<int> RunAsync(int claimCount, LocalPaths paths, TextWriter output,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var folder = Path.Combine(paths.StateRoot, "bench");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"claims-{claimCount}.837");
        if (!File.Exists(file))
        {
            await File.WriteAllTextAsync(file, ClaimSamples.ManyClaims(claimCount), token).ConfigureAwait(false);
        }

        var text = await File.ReadAllTextAsync(file, token).ConfigureAwait(false);
        var review = BillingReview.Create();

        // One small warm-up run, so JIT and table loading are not counted.
        await review.ReviewX12Async(ClaimSamples.ManyClaims(50), token).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var claims = X12ClaimParser.Parse(text).Claims;
        var parse = clock.Elapsed;

        clock.Restart();
        var report = await review.ReviewAsync(claims, token).ConfigureAwait(false);
        var checks = clock.Elapsed;
        var total = parse + checks;

        await output.WriteLineAsync(FormattableString.Invariant(
            $"Claims file: {claims.Count} claims, {new FileInfo(file).Length / 1024} KiB ({file})"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Parse:          {parse.TotalSeconds,7:F2} s  {claims.Count / parse.TotalSeconds,9:F0} claims/s"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Checks:         {checks.TotalSeconds,7:F2} s  {claims.Count / checks.TotalSeconds,9:F0} claims/s"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Parse + checks: {total.TotalSeconds,7:F2} s  {claims.Count / total.TotalSeconds,9:F0} claims/s"))
            .ConfigureAwait(false);
        var counts = report.CountsBySeverity;
        int errors = counts[FindingSeverity.Error], warnings = counts[FindingSeverity.Warning];
        int info = counts[FindingSeverity.Info], needingReview = report.ClaimsNeedingReview;
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Findings: {errors} errors, {warnings} warnings, {info} info; {needingReview} claims need review"))
            .ConfigureAwait(false);
        return 0;
    }
}
