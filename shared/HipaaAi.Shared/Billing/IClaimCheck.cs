namespace HipaaAi.Shared.Billing;

/// <summary>One family of pre-submission checks. Checks only report; they never change a claim or add a code.</summary>
public interface IClaimCheck
{
    /// <summary>The findings for <paramref name="claim"/> (none when it passes).</summary>
    IEnumerable<BillingFinding> Check(Claim claim);
}

/// <summary>Helpers the checks share.</summary>
internal static class ClaimLines
{
    /// <summary>The line's date of service, falling back to the claim's, then to <paramref name="fallback"/>.</summary>
    public static DateOnly DateOf(Claim claim, ServiceLine line, DateOnly fallback) =>
        line.ServiceDate ?? claim.ServiceDate ?? fallback;

    /// <summary>Lines with a procedure code grouped by date of service.</summary>
    public static IEnumerable<IGrouping<DateOnly, ServiceLine>> ByDate(Claim claim, DateOnly fallback) =>
        claim.Lines.Where(line => line.ProcedureCode is not null).GroupBy(line => DateOf(claim, line, fallback));

    /// <summary>"97140-59" style label of a line's code and modifiers (no patient data).</summary>
    public static string Label(ServiceLine line) =>
        line.Modifiers.Count == 0 ? line.ProcedureCode ?? line.RevenueCode ?? "?"
            : $"{line.ProcedureCode}-{string.Join('-', line.Modifiers)}";
}
