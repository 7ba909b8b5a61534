using System.Text.Json;
using System.Text.Json.Serialization;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Samples;

/// <summary>What the intake pipeline is expected to do with a whole file.</summary>
public enum ExpectedOutcome
{
    /// <summary>Read, split, classified and extracted without a person.</summary>
    Completed,

    /// <summary>Accepted by preflight but nothing usable can be read from it: a person must look.</summary>
    NeedsReview,

    /// <summary>Rejected by preflight; the verdict says why.</summary>
    Quarantined,
}

/// <summary>How a sample file was made, so results can be broken down by input kind.</summary>
public enum SampleKind
{
    BornDigitalPdf,
    FaxTiff,
    ImageOnlyPdf,
    FaxPacket,
    JunkFax,
    Broken,
    Benchmark,
    /// <summary>A file labeled only by the folder it sits in.</summary>
    FolderLabeled,
}

/// <summary>
/// One document inside a file: its pages (unknown for folder-labeled files), type, the fictitious patient's MRN and
/// the field values a perfect extractor returns, keyed by <see cref="FieldNames"/>.
/// </summary>
public sealed record LabeledDocument(
    DocumentType Type,
    int? FirstPage,
    int? LastPage,
    string? PatientMrn,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields);

/// <summary>
/// The expected result for one file. <paramref name="File"/> is relative to the corpus root with '/' separators;
/// <paramref name="RotatedPages"/> maps a page number to the clockwise turn it was received with.
/// </summary>
public sealed record LabeledFile(
    string File,
    SampleKind Kind,
    ExpectedOutcome Outcome,
    PreflightVerdict Verdict,
    int? PageCount,
    IReadOnlyDictionary<int, int> RotatedPages,
    IReadOnlyList<LabeledDocument> Documents);

/// <summary>The contents of labels.json: the seed a sample set came from and the expected result per file.</summary>
public sealed record SampleLabels(int Seed, IReadOnlyList<LabeledFile> Files)
{
    public const string FileName = "labels.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static SampleLabels FromJson(string json) =>
        JsonSerializer.Deserialize<SampleLabels>(json, JsonOptions)
            ?? throw new JsonException("labels.json holds no labels.");

    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");

    public static SampleLabels Load(string path) => FromJson(File.ReadAllText(path));
}
