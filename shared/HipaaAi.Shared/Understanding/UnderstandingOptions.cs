namespace HipaaAi.Shared.Understanding;

/// <summary>Settings of the local document-understanding engines (configuration section "Understanding").</summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    /// <summary>
    /// Folder holding routing.json and companion-documents.json; defaults to the shipped Config folder.
    /// </summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>Overrides the routing rules file (absolute, or relative to <see cref="ConfigDirectory"/>).</summary>
    public string? RoutingFile { get; set; }

    /// <summary>
    /// Overrides the companion-document rules file (absolute, or relative to <see cref="ConfigDirectory"/>).
    /// </summary>
    public string? CompanionFile { get; set; }

    /// <summary>Where the trained classifier is loaded from and saved to; no file is written when empty.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Seed of the synthetic training documents, so the trained model is reproducible.</summary>
    public int TrainingSeed { get; set; } = 1;

    /// <summary>How many synthetic documents of each type the classifier trains on.</summary>
    public int TrainingDocumentsPerType { get; set; } = 25;

    /// <summary>
    /// The shape a medical record number must have; <see cref="FieldValidators.DefaultMrnPattern"/> when empty.
    /// </summary>
    public string? MrnPattern { get; set; }

    /// <summary>When set, overrides the review confidence threshold of the routing rules file.</summary>
    public double? ReviewConfidenceThreshold { get; set; }

    internal string ResolveConfigDirectory() =>
        string.IsNullOrWhiteSpace(ConfigDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "Understanding", "Config")
            : ConfigDirectory;

    internal string ResolveConfigFile(string? overridePath, string defaultName) =>
        string.IsNullOrWhiteSpace(overridePath)
            ? Path.Combine(ResolveConfigDirectory(), defaultName)
            : Path.IsPathRooted(overridePath) ? overridePath : Path.Combine(ResolveConfigDirectory(), overridePath);
}
