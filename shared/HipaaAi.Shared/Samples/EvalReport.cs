using System.Globalization;
using System.Text;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Samples;

/// <summary>One document as the pipeline reported it: its type and extracted values per field name.</summary>
public sealed record PredictedDocument(DocumentType Type, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields);

/// <summary>What the pipeline did with one file (the file name as in the labels).</summary>
public sealed record FilePrediction(
    string File,
    ExpectedOutcome Outcome,
    PreflightVerdict Verdict,
    IReadOnlyList<PredictedDocument> Documents);

/// <summary>How often labeled documents of one type were given that type.</summary>
public sealed record ClassAccuracy(DocumentType Type, int Labeled, int Correct)
{
    public double Accuracy => Labeled == 0 ? 0 : (double)Correct / Labeled;
}

/// <summary>
/// How often a document of <paramref name="Expected"/> type was reported as <paramref name="Predicted"/>; a null
/// prediction means the pipeline reported no document in that position.
/// </summary>
public sealed record Confusion(DocumentType Expected, DocumentType? Predicted, int Count);

/// <summary>How often a field's values matched the labels exactly.</summary>
public sealed record FieldMatchRate(string Field, int Labeled, int ExactMatches)
{
    public double Rate => Labeled == 0 ? 0 : (double)ExactMatches / Labeled;
}

/// <summary>
/// Accuracy of the pipeline against a labeled corpus. Documents are matched by their order inside each file. A
/// field matches when the set of its values equals the labeled set after trimming, collapsing inner whitespace and
/// ignoring letter case; fields the labels do not name are not scored.
/// </summary>
public sealed record EvalReport(
    int Files,
    int OutcomeMatches,
    int Documents,
    int CorrectDocuments,
    int ExtraDocuments,
    IReadOnlyList<ClassAccuracy> Classes,
    IReadOnlyList<Confusion> Confusions,
    IReadOnlyList<FieldMatchRate> Fields)
{
    public double Accuracy => Documents == 0 ? 0 : (double)CorrectDocuments / Documents;

    public double OutcomeAccuracy => Files == 0 ? 0 : (double)OutcomeMatches / Files;

    /// <summary>Scores predictions against labels; a labeled file with no prediction counts as fully missed.</summary>
    public static EvalReport Compute(IReadOnlyList<LabeledFile> labels, IReadOnlyList<FilePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);

        var byFile = predictions.ToDictionary(p => p.File, StringComparer.Ordinal);
        var classes = new Dictionary<DocumentType, (int Labeled, int Correct)>();
        var confusions = new Dictionary<(DocumentType, DocumentType?), int>();
        var fields = new Dictionary<string, (int Labeled, int Exact)>(StringComparer.Ordinal);
        int outcomeMatches = 0, documents = 0, correct = 0, extra = 0;

        foreach (var label in labels)
        {
            byFile.TryGetValue(label.File, out var prediction);
            if (prediction is not null && IsExpectedOutcome(label, prediction))
            {
                outcomeMatches++;
            }

            var predicted = prediction?.Documents ?? [];
            extra += Math.Max(0, predicted.Count - label.Documents.Count);
            for (var i = 0; i < label.Documents.Count; i++)
            {
                var expected = label.Documents[i];
                var actual = i < predicted.Count ? predicted[i] : null;
                var isCorrect = actual?.Type == expected.Type;
                documents++;
                correct += isCorrect ? 1 : 0;
                var (classLabeled, classCorrect) = classes.GetValueOrDefault(expected.Type);
                classes[expected.Type] = (classLabeled + 1, classCorrect + (isCorrect ? 1 : 0));
                if (!isCorrect)
                {
                    var key = (expected.Type, actual?.Type);
                    confusions[key] = confusions.GetValueOrDefault(key) + 1;
                }

                foreach (var (field, values) in expected.Fields)
                {
                    var matched = actual is not null
                        && actual.Fields.TryGetValue(field, out var actualValues)
                        && SameValues(values, actualValues);
                    var (fieldLabeled, fieldExact) = fields.GetValueOrDefault(field);
                    fields[field] = (fieldLabeled + 1, fieldExact + (matched ? 1 : 0));
                }
            }
        }

        return new EvalReport(
            labels.Count,
            outcomeMatches,
            documents,
            correct,
            extra,
            classes.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)
                .Select(c => new ClassAccuracy(c.Key, c.Value.Labeled, c.Value.Correct))
                .ToList(),
            confusions.OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key.Item1.ToString(), StringComparer.Ordinal)
                .ThenBy(c => c.Key.Item2?.ToString() ?? string.Empty, StringComparer.Ordinal)
                .Select(c => new Confusion(c.Key.Item1, c.Key.Item2, c.Value))
                .ToList(),
            fields.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new FieldMatchRate(f.Key, f.Value.Labeled, f.Value.Exact))
                .ToList());
    }

    /// <summary>The report as a plain-text table for a terminal.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        Line(text, $"Files      {OutcomeMatches,5} / {Files,-5} outcome as expected   {Percent(OutcomeAccuracy)}");
        Line(text, $"Documents  {CorrectDocuments,5} / {Documents,-5} type correct           {Percent(Accuracy)}");
        Line(text, $"Extra documents reported: {ExtraDocuments}");
        text.Append('\n');

        Line(text, $"{"Type",-24} {"Labeled",7} {"Correct",7} {"Accuracy",8}");
        foreach (var row in Classes)
        {
            Line(text, $"{row.Type,-24} {row.Labeled,7} {row.Correct,7} {Percent(row.Accuracy),8}");
        }

        text.Append('\n');
        Line(text, $"{"Expected",-24} {"Reported",-24} {"Count",5}");
        if (Confusions.Count == 0)
        {
            text.Append("(no confusions)\n");
        }

        foreach (var row in Confusions)
        {
            var reported = row.Predicted?.ToString() ?? "(none)";
            Line(text, $"{row.Expected,-24} {reported,-24} {row.Count,5}");
        }

        text.Append('\n');
        Line(text, $"{"Field",-24} {"Labeled",7} {"Exact",7} {"Rate",8}");
        foreach (var row in Fields)
        {
            Line(text, $"{row.Field,-24} {row.Labeled,7} {row.ExactMatches,7} {Percent(row.Rate),8}");
        }

        return text.ToString();
    }

    private static bool IsExpectedOutcome(LabeledFile label, FilePrediction prediction) =>
        label.Outcome == prediction.Outcome
        && (label.Outcome != ExpectedOutcome.Quarantined || label.Verdict == prediction.Verdict);

    private static bool SameValues(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var expectedSet = expected.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var actualSet = actual.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return expectedSet.SetEquals(actualSet);
    }

    private static string Normalize(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Percent(double ratio) => ratio.ToString("P1", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
