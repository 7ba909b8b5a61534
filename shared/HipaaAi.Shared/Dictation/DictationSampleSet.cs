using System.Text.Json;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Dictation;

/// <summary>One generated recording and what was said in it (empty for silence and non-audio).</summary>
public sealed record DictationSample(string FileName, string ReferenceText, string Expected);

/// <summary>
/// Generates dictations to try the workflow on: the project's own made-up consultation scripts spoken by
/// <c>espeak-ng</c> and re-encoded by <c>sox</c> into the formats dictation devices produce (WAV at 22.05 kHz,
/// MP3 when sox has MP3 support), one recording longer than the 25 MB upload limit (48 kHz stereo, several minutes),
/// one of silence and one that is not audio. Numbers are spelled out, so the scripts are also the reference
/// transcripts for word error rate. All names are invented.
/// </summary>
public static class DictationSampleSet
{
    public const string LabelsFileName = "dictation-labels.json";

    public static IReadOnlyList<(string Name, string Text)> Scripts { get; } =
    [
        ("knee-pain-consult",
            "Subjective. The patient is a fifty two year old woman with pain in the right knee for three weeks. " +
            "She reports swelling after walking and denies any fall. " +
            "Objective. Blood pressure is one hundred and thirty over eighty. The right knee is tender with a small " +
            "effusion. " +
            "Assessment. Likely osteoarthritis of the right knee. " +
            "Plan. Start ibuprofen four hundred milligrams three times daily with food. Order an x-ray of the right " +
            "knee. Follow up in four weeks."),
        ("diabetes-follow-up",
            "Subjective. The patient is here for review of type two diabetes. He feels well and takes his tablets " +
            "every day. Objective. Weight is eighty four kilograms. The feet are normal on examination. " +
            "Assessment. Diabetes is well controlled. " +
            "Plan. Continue metformin five hundred milligrams twice daily. Order blood tests before the next visit. " +
            "Review in three months."),
        ("cough-visit",
            "Subjective. The patient has had a cough and a sore throat for five days. There is no fever. " +
            "Objective. Temperature is normal and the chest is clear. " +
            "Assessment. Consistent with a viral infection. " +
            "Plan. Rest and fluids. No antibiotics are needed. Return if the cough lasts longer than three weeks."),
    ];

    private static readonly ExternalTool Espeak = new("espeak-ng", "espeak-ng", "espeak-ng");
    private static readonly ExternalTool Sox = new("sox", "sox", "sox");
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions LabelsJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the set into <paramref name="folder"/> with its labels and returns what it wrote.</summary>
    public static async Task<IReadOnlyList<DictationSample>> GenerateAsync(
        string folder,
        bool includeLong,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var samples = new List<DictationSample>();

        foreach (var (name, text) in Scripts)
        {
            await SpeakAsync(text, Path.Combine(folder, name + ".wav"), cancellationToken).ConfigureAwait(false);
            samples.Add(new DictationSample(name + ".wav", text, "Finalized"));
        }

        // A device-style MP3 of the first script, when sox can write MP3 (libsox-fmt-mp3).
        var mp3 = Path.Combine(folder, Scripts[0].Name + "-device.mp3");
        var mp3Written = await RunAsync(Sox, ["-V1", Path.Combine(folder, Scripts[0].Name + ".wav"), "-C", "64", mp3],
            folder, cancellationToken).ConfigureAwait(false);
        if (mp3Written)
        {
            samples.Add(new DictationSample(Path.GetFileName(mp3), Scripts[0].Text, "Finalized"));
        }

        if (includeLong)
        {
            samples.Add(await LongRecordingAsync(folder, cancellationToken).ConfigureAwait(false));
        }

        var silence = Path.Combine(folder, "silence.wav");
        await using (var stream = File.Create(silence))
        {
            // Ten seconds of very quiet noise, as a recorder left running in an empty room writes.
            var random = new Random(7);
            var samplesOfNoise = Enumerable.Range(0, 16_000 * 10).Select(_ => (float)((random.NextDouble() - 0.5) * 0.0005))
                .ToArray();
            WavFile.WriteMono16(stream, samplesOfNoise, 16_000);
        }

        samples.Add(new DictationSample("silence.wav", string.Empty, "Quarantined:Silent"));

        await File.WriteAllTextAsync(Path.Combine(folder, "not-audio.wav"),
            "This is a text file with a .wav name.\n", cancellationToken).ConfigureAwait(false);
        samples.Add(new DictationSample("not-audio.wav", string.Empty, "Quarantined:Unsupported"));

        await File.WriteAllTextAsync(Path.Combine(folder, LabelsFileName),
            JsonSerializer.Serialize(samples, LabelsJson),
            cancellationToken).ConfigureAwait(false);
        return samples;
    }

    /// <summary>Reads the labels a generated folder carries, or none.</summary>
    public static IReadOnlyList<DictationSample> ReadLabels(string folder)
    {
        var path = Path.Combine(folder, LabelsFileName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<List<DictationSample>>(File.ReadAllText(path), LabelsJson) ?? []
            : [];
    }

    /// <summary>
    /// All scripts in turn until the 48 kHz stereo recording passes 25 MB (about 140 s): larger than one upload to the
    /// transcription service, so the Azure path must split it (locally it is re-encoded to 16 kHz mono first).
    /// </summary>
    private static async Task<DictationSample> LongRecordingAsync(string folder, CancellationToken token)
    {
        var parts = new List<string>();
        var spoken = new List<string>();
        var seconds = 0.0;
        for (var round = 0; seconds < 150; round++)
        {
            var (name, text) = Scripts[round % Scripts.Count];
            var part = Path.Combine(folder, name + ".wav");
            parts.Add(part);
            spoken.Add(text);
            await using var stream = File.OpenRead(part);
            seconds += WavFile.ReadInfo(stream).Duration.TotalSeconds + 1;
        }

        var target = Path.Combine(folder, "long-clinic-session.wav");
        var arguments = new List<string> { "-V1" };
        foreach (var part in parts)
        {
            arguments.Add(part);
        }

        arguments.AddRange(["-r", "48000", "-c", "2", "-b", "16", target]);
        if (!await RunAsync(Sox, arguments, folder, token).ConfigureAwait(false))
        {
            throw new TranscriberSetupException("sox could not join the long recording; install the sox package.");
        }

        return new DictationSample(Path.GetFileName(target), string.Join(' ', spoken), "Finalized");
    }

    /// <summary>Speaks <paramref name="text"/> with espeak-ng (US English, 150 words a minute) into a WAV file.</summary>
    public static async Task SpeakAsync(string text, string path, CancellationToken token)
    {
        if (!await RunAsync(Espeak, ["-v", "en-us", "-s", "150", "-w", path, text], Path.GetDirectoryName(path)!, token)
            .ConfigureAwait(false))
        {
            throw new TranscriberSetupException("espeak-ng could not speak the sample; install the espeak-ng package.");
        }
    }

    private static async Task<bool> RunAsync(ExternalTool tool, IEnumerable<string> arguments, string folder,
        CancellationToken token)
    {
        try
        {
            var result = await tool.RunAsync(arguments, folder, ToolTimeout, token).ConfigureAwait(false);
            return result.ExitCode == 0;
        }
        catch (OcrSetupException)
        {
            return false;
        }
    }
}
