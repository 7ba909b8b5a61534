using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HipaaAi.Shared.Understanding.Synthetic;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HipaaAi.Shared.Understanding;

/// <summary>
/// Classifies document text locally with ML.NET (FeaturizeText + SdcaMaximumEntropy). The model is trained once,
/// lazily, on seeded synthetic documents (so it is reproducible), or loaded from
/// <see cref="UnderstandingOptions.ModelPath"/> when a saved model is there; a freshly trained model is saved there.
/// Confidence is the top class probability, which is low for garbage text.
/// </summary>
public sealed partial class MlNetDocumentClassifier : IDocumentClassifier, IDisposable
{
    public const string EngineName = "mlnet-local";

    // Enough passes for the probabilities to settle (fewer leave every confidence near 0.4); a bound all the same.
    private const int TrainingIterations = 200;

    private readonly UnderstandingOptions options;
    private readonly ILogger<MlNetDocumentClassifier> logger;
    private readonly Lazy<LoadedModel> model;

    public MlNetDocumentClassifier(UnderstandingOptions options, ILogger<MlNetDocumentClassifier> logger)
    {
        this.options = options;
        this.logger = logger;
        model = new Lazy<LoadedModel>(LoadOrTrain, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public Task<Classification> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(text))
        {
            // Nothing to read: no model can say anything about an empty page.
            return Task.FromResult(new Classification(DocumentType.Other, 0, EngineName));
        }

        var loaded = model.Value;
        ClassifierOutput output;

        // PredictionEngine is not thread-safe and PredictionEnginePool is not available here: one lock per model.
        lock (loaded.Sync)
        {
            output = loaded.Engine.Predict(new ClassifierInput { Text = Normalize(text) });
        }

        var type = Enum.TryParse<DocumentType>(output.PredictedLabel, out var parsed) ? parsed : DocumentType.Other;
        var confidence = output.Score is { Length: > 0 } scores ? Math.Clamp(scores.Max(), 0f, 1f) : 0f;
        logger.DocumentClassified(text.Length, type, confidence);
        return Task.FromResult(new Classification(type, Math.Round(confidence, 4), EngineName));
    }

    /// <summary>Trains (or loads) the model now instead of on the first call.</summary>
    public void EnsureLoaded() => _ = model.Value;

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Engine.Dispose();
        }
    }

    /// <summary>
    /// The text the model sees: digits folded to 0 (numbers identify people, not document kinds), whitespace
    /// collapsed, and the synthetic-data marker removed so the model never learns it.
    /// </summary>
    internal static string Normalize(string text)
    {
        var withoutMarker = text.Replace(SyntheticDocuments.SyntheticMarker, string.Empty, StringComparison.Ordinal);
        var builder = new StringBuilder(withoutMarker.Length);
        foreach (var ch in withoutMarker)
        {
            builder.Append(char.IsAsciiDigit(ch) ? '0' : ch);
        }

        return WhitespaceRegex().Replace(builder.ToString(), " ").Trim();
    }

    internal static IReadOnlyList<ClassifierInput> TrainingRows(int seed, int perType)
    {
        var rows = SyntheticDocuments.Corpus(seed, perType)
            .Select(d => new ClassifierInput { Text = Normalize(d.FullText), Label = d.Type.ToString() })
            .ToList();
        rows.AddRange(HandWrittenExamples.All.Select(e =>
            new ClassifierInput { Text = Normalize(e.Text), Label = e.Type.ToString() }));
        return rows;
    }

    private LoadedModel LoadOrTrain()
    {
        var ml = new MLContext(seed: options.TrainingSeed);
        var path = options.ModelPath;
        if (!string.IsNullOrWhiteSpace(path) && File.Exists(path))
        {
            try
            {
                var stopwatch = Stopwatch.StartNew();
                var saved = ml.Model.Load(path, out _);
                var size = new FileInfo(path).Length;
                logger.ClassifierLoaded(size, stopwatch.ElapsedMilliseconds);
                return new LoadedModel(ml.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(saved));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException
                or ArgumentOutOfRangeException or InvalidDataException)
            {
                logger.ClassifierModelUnreadable(ex.GetType().Name);
            }
        }

        var watch = Stopwatch.StartNew();
        var rows = TrainingRows(options.TrainingSeed, options.TrainingDocumentsPerType);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(ClassifierInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(ClassifierInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options()
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                MaximumNumberOfIterations = TrainingIterations,
                L2Regularization = 1e-4f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var trained = pipeline.Fit(data);
        logger.ClassifierTrained(rows.Count, watch.ElapsedMilliseconds);

        if (!string.IsNullOrWhiteSpace(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

            // Write beside the target and move, so a reader never sees half a model.
            var temporary = path + ".tmp";
            ml.Model.Save(trained, data.Schema, temporary);
            File.Move(temporary, path, overwrite: true);
            var size = new FileInfo(path).Length;
            logger.ClassifierSaved(size);
        }

        return new LoadedModel(ml.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(trained));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    private sealed class LoadedModel(PredictionEngine<ClassifierInput, ClassifierOutput> engine)
    {
        public object Sync { get; } = new();

        public PredictionEngine<ClassifierInput, ClassifierOutput> Engine { get; } = engine;
    }
}

/// <summary>One training or prediction row of the classifier.</summary>
internal sealed class ClassifierInput
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}

/// <summary>What the classifier predicts: the label and one probability per class.</summary>
internal sealed class ClassifierOutput
{
    [ColumnName("PredictedLabel")]
    public string PredictedLabel { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
