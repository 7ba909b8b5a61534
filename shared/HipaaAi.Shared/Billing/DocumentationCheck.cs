using System.Text.Json;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Billing;

/// <summary>The clinical note of one visit.</summary>
/// <param name="NoteId">The source system's note id (for staff to open it).</param>
/// <param name="Text">The note text.</param>
public sealed record ClinicalNote(string NoteId, string Text)
{
    /// <summary>Names the note by id and size only: its text is PHI.</summary>
    public override string ToString() => $"ClinicalNote {NoteId} ({Text.Length} chars)";
}

/// <summary>Finds the clinical note of a visit (an EHR, a document store, the records pipeline's output).</summary>
public interface IClinicalNoteSource
{
    /// <summary>The note for <paramref name="patient"/>'s visit on <paramref name="dateOfService"/>, or null.</summary>
    Task<ClinicalNote?> FindNoteAsync(PatientReference patient, DateOnly dateOfService,
        CancellationToken cancellationToken);
}

/// <summary>
/// Checks that the visit's note supports what is billed: the procedure (its code or descriptor keywords), the side
/// (LT/RT against "left"/"right") and, for E/M lines, history, exam and medical decision making wording. Findings quote
/// a short passage as evidence of support or name what is absent. It never proposes a code.
/// </summary>
public sealed partial class DocumentationCheck(
    IClinicalNoteSource notes, IReadOnlyDictionary<string, string[]> keywords)
{
    private const int QuoteRadius = 40;

    private static readonly (string Element, string[] Cues)[] EmElements =
    [
        ("history", ["chief complaint", "history of present illness", "hpi", "history", "subjective", "cc:"]),
        ("exam", ["physical exam", "examination", "exam", "objective", "vital signs", "vitals"]),
        ("medical decision making", ["medical decision making", "mdm", "assessment", "impression", "plan"]),
    ];

    /// <summary>Loads the descriptor keyword table shipped with the assembly (Data/procedure-keywords.json).</summary>
    public static IReadOnlyDictionary<string, string[]> DefaultKeywords()
    {
        using var stream = BillingResources.Open("Data.procedure-keywords.json");
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidOperationException("The shipped procedure keyword table is empty.");
    }

    /// <summary>The documentation findings for <paramref name="claim"/>, and how many visits had a note.</summary>
    public async Task<(IReadOnlyList<BillingFinding> Findings, int VisitCount, int NotesFound)> CheckAsync(
        Claim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var findings = new List<BillingFinding>();
        if (claim.Patient is null)
        {
            findings.Add(new BillingFinding(BillingRules.DocumentationNotFound, FindingSeverity.Warning,
                claim.ClaimId, null, "the claim names no subscriber member id, so no note can be looked up",
                "Check the subscriber loop (2010BA) of the claim."));
            return (findings, 0, 0);
        }

        var visits = claim.Lines
            .Where(line => line.ProcedureCode is not null && (line.ServiceDate ?? claim.ServiceDate) is not null)
            .GroupBy(line => (line.ServiceDate ?? claim.ServiceDate)!.Value)
            .ToList();
        var found = 0;
        foreach (var visit in visits)
        {
            var note = await notes.FindNoteAsync(claim.Patient, visit.Key, cancellationToken).ConfigureAwait(false);
            if (note is null)
            {
                findings.Add(new BillingFinding(BillingRules.DocumentationNotFound, FindingSeverity.Warning,
                    claim.ClaimId, visit.First().LineNumber,
                    "no clinical note found for the visit of lines " +
                    string.Join(", ", visit.Select(l => l.LineNumber)),
                    "Attach or sign the visit note before submitting; the services cannot be verified without it."));
                continue;
            }

            found++;
            foreach (var line in visit)
            {
                CheckLine(claim, line, note, findings);
            }
        }

        return (findings, visits.Count, found);
    }

    private void CheckLine(Claim claim, ServiceLine line, ClinicalNote note, List<BillingFinding> findings)
    {
        var code = line.ProcedureCode!;
        if (CodeFormats.IsEvaluationAndManagement(code))
        {
            CheckEmElements(claim, line, note, findings);
        }
        else
        {
            CheckProcedure(claim, line, note, findings);
        }

        CheckLaterality(claim, line, note, findings);
    }

    private void CheckProcedure(Claim claim, ServiceLine line, ClinicalNote note, List<BillingFinding> findings)
    {
        var code = line.ProcedureCode!;
        var cues = keywords.TryGetValue(code, out var words) ? words.Prepend(code).ToArray() : [code];
        if (FindFirst(note.Text, cues) is { } hit)
        {
            findings.Add(new BillingFinding(BillingRules.DocumentationSupports, FindingSeverity.Info, claim.ClaimId,
                line.LineNumber, $"note {note.NoteId} documents {code} (\"{hit.Cue}\"): {Quote(note.Text, hit.Index)}",
                "None."));
            return;
        }

        findings.Add(new BillingFinding(BillingRules.DocumentationProcedureMissing, FindingSeverity.Warning,
            claim.ClaimId, line.LineNumber,
            $"note {note.NoteId} does not mention {code}" +
            (words is null ? " (no descriptor keywords are configured for it)" : $" or {string.Join(", ", words)}"),
            "Ask the provider to document the service (an addendum if it was done), or remove the line."));
    }

    private static void CheckEmElements(Claim claim, ServiceLine line, ClinicalNote note,
        List<BillingFinding> findings)
    {
        var present = new List<string>();
        var missing = new List<string>();
        foreach (var (element, cues) in EmElements)
        {
            if (FindFirst(note.Text, cues) is { } hit)
            {
                present.Add($"{element}: {Quote(note.Text, hit.Index)}");
            }
            else
            {
                missing.Add(element);
            }
        }

        findings.Add(missing.Count == 0
            ? new BillingFinding(BillingRules.DocumentationEmElements, FindingSeverity.Info, claim.ClaimId,
                line.LineNumber, $"note {note.NoteId} has E/M elements for {line.ProcedureCode}: " +
                string.Join("; ", present), "None; the level itself is for the coder to confirm.")
            : new BillingFinding(BillingRules.DocumentationEmElements, FindingSeverity.Warning, claim.ClaimId,
                line.LineNumber,
                $"note {note.NoteId} for E/M {line.ProcedureCode} has no {string.Join(", ", missing)} wording",
                "Ask the provider to complete the note; the E/M level must be supported by the documented elements."));
    }

    private static void CheckLaterality(Claim claim, ServiceLine line, ClinicalNote note,
        List<BillingFinding> findings)
    {
        var billed = line.HasModifier("LT") ? "left" : line.HasModifier("RT") ? "right"
            : line.HasModifier("50") ? "bilateral" : null;
        if (billed is null)
        {
            return;
        }

        var left = Left().Match(note.Text);
        var right = Right().Match(note.Text);
        var bilateral = Bilateral().Match(note.Text);
        var (matches, opposite) = billed switch
        {
            "left" => (left.Success || bilateral.Success, right),
            "right" => (right.Success || bilateral.Success, left),
            _ => (bilateral.Success || (left.Success && right.Success), left.Success ? left : right),
        };
        if (matches)
        {
            return;
        }

        findings.Add(opposite.Success
            ? new BillingFinding(BillingRules.DocumentationLaterality, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber,
                $"line {line.LineNumber} is billed {billed} ({ClaimLines.Label(line)}) but note {note.NoteId} " +
                $"says: {Quote(note.Text, opposite.Index)}",
                "Confirm the side with the provider and correct the modifier or the note.")
            : new BillingFinding(BillingRules.DocumentationLaterality, FindingSeverity.Warning, claim.ClaimId,
                line.LineNumber, $"note {note.NoteId} names no side for {ClaimLines.Label(line)}",
                "Ask the provider to document the side treated."));
    }

    private static (string Cue, int Index)? FindFirst(string text, IEnumerable<string> cues)
    {
        (string, int)? best = null;
        foreach (var cue in cues)
        {
            var index = text.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && (best is null || index < best.Value.Item2))
            {
                best = (cue, index);
            }
        }

        return best;
    }

    private static string Quote(string text, int index)
    {
        var start = Math.Max(0, index - QuoteRadius);
        var end = Math.Min(text.Length, index + QuoteRadius);
        var passage = Whitespace().Replace(text[start..end], " ").Trim();
        return $"\"{(start > 0 ? "..." : string.Empty)}{passage}{(end < text.Length ? "..." : string.Empty)}\"";
    }

    [GeneratedRegex(@"\bleft\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Left();

    [GeneratedRegex(@"\bright\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Right();

    [GeneratedRegex(@"\b(bilateral|bilaterally|both)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bilateral();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
