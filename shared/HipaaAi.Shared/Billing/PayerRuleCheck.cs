namespace HipaaAi.Shared.Billing;

/// <summary>Applies the payer's own rules from <see cref="PayerRules"/> to claims sent to that payer.</summary>
public sealed class PayerRuleCheck(PayerRules rules) : IClaimCheck
{
    /// <inheritdoc />
    public IEnumerable<BillingFinding> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (rules.Find(claim.PayerId) is not { } payer)
        {
            yield break;
        }

        foreach (var line in claim.Lines.Where(line => line.ProcedureCode is not null))
        {
            foreach (var rule in payer.RequiredModifiers ?? [])
            {
                if (rule.Codes.Contains(line.ProcedureCode!, StringComparer.OrdinalIgnoreCase)
                    && !rule.AnyOf.Any(line.HasModifier))
                {
                    yield return new BillingFinding(BillingRules.PayerModifierRequired, FindingSeverity.Error,
                        claim.ClaimId, line.LineNumber,
                        $"{payer.Name} requires {string.Join(" or ", rule.AnyOf)} on {line.ProcedureCode} " +
                        $"({rule.Reason}); line {line.LineNumber} has {ModifierList(line)}",
                        $"Add {string.Join(" or ", rule.AnyOf)} as documented.");
                }
            }

            if ((payer.PriorAuthorizationCodes ?? []).Contains(line.ProcedureCode!, StringComparer.OrdinalIgnoreCase)
                && claim.PriorAuthorization is null && line.PriorAuthorization is null)
            {
                yield return new BillingFinding(BillingRules.PayerPriorAuthRequired, FindingSeverity.Error,
                    claim.ClaimId, line.LineNumber,
                    $"{payer.Name} requires prior authorization for {line.ProcedureCode}; the claim has no REF*G1",
                    "Enter the authorization number in REF*G1 (2300 or 2400); if none was obtained, hold the claim " +
                    "and ask the payer about retro-authorization.");
            }
        }

        foreach (var pair in payer.ForbiddenPairs ?? [])
        {
            var undated = DateOnly.MaxValue;
            foreach (var day in ClaimLines.ByDate(claim, undated))
            {
                var first = day.FirstOrDefault(line => line.ProcedureCode == pair.First);
                var second = day.FirstOrDefault(line => line.ProcedureCode == pair.Second);
                if (first is not null && second is not null)
                {
                    yield return new BillingFinding(BillingRules.PayerPairForbidden, FindingSeverity.Error,
                        claim.ClaimId, second.LineNumber,
                        $"{payer.Name} does not pay {pair.First} (line {first.LineNumber}) with {pair.Second} " +
                        $"(line {second.LineNumber}) on the same day ({pair.Reason})",
                        $"Bill only the service the note supports, or check the payer's policy for {pair.Second}.");
                }
            }
        }
    }

    private static string ModifierList(ServiceLine line) =>
        line.Modifiers.Count == 0 ? "no modifier" : string.Join('/', line.Modifiers);
}
