using System.Globalization;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// The offline fallback: CMU PocketSphinx 0.8 (Debian <c>pocketsphinx</c> with the <c>pocketsphinx-en-us</c> general
/// English model). It has no medical vocabulary and misrecognises much clinical speech, so its transcripts are always
/// marked low-confidence. Words come with times (<c>-time yes</c>); a pause of 0.3 s or more ends a segment.
/// </summary>
public sealed class PocketSphinxTranscriber : ISpeechTranscriber
{
    public const string EngineName = "pocketsphinx-0.8";

    private static readonly ExternalTool Tool = new("pocketsphinx", "pocketsphinx_continuous", "pocketsphinx");
    private static readonly TimeSpan SegmentPause = TimeSpan.FromMilliseconds(300);

    public string Engine => EngineName;

    public bool LowConfidence => true;

    /// <summary>No service limit; pieces of this size keep memory and one process's run time bounded.</summary>
    public long MaxUploadBytes => AudioChunkPlanner.ServiceUploadLimitBytes;

    public async Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
    {
        string[] arguments = ["-infile", wavPath, "-time", "yes", "-logfn", "/dev/null"];
        var timeout = TimeSpan.FromMinutes(2) + (3 * DurationOf(wavPath));
        var result = await Tool.RunAsync(arguments, Path.GetDirectoryName(wavPath)!, timeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pocketsphinx_continuous ended with exit code {result.ExitCode}.");
        }

        return Parse(result.StandardOutput);
    }

    /// <summary>
    /// Reads the <c>word start end posterior</c> lines; fillers (<c>&lt;s&gt;</c>, <c>&lt;sil&gt;</c>, <c>[NOISE]</c>)
    /// separate segments, alternative pronunciations (<c>the(2)</c>) are folded to the word.
    /// </summary>
    public static IReadOnlyList<TranscriptSegment> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var segments = new List<TranscriptSegment>();
        var words = new List<(string Word, TimeSpan Start, TimeSpan End, double Posterior)>();
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || !TryNumber(fields[1], out var start) || !TryNumber(fields[2], out var end)
                || !TryNumber(fields[3], out var posterior))
            {
                continue;
            }

            var word = fields[0];
            var isFiller = word.StartsWith('<') || word.StartsWith('[');
            var pause = isFiller && end - start >= SegmentPause.TotalSeconds;
            if (word is "<s>" or "</s>" || pause)
            {
                Flush(segments, words);
            }

            if (!isFiller)
            {
                var paren = word.IndexOf('(', StringComparison.Ordinal);
                words.Add((paren > 0 ? word[..paren] : word, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end),
                    posterior));
            }
        }

        Flush(segments, words);
        return segments;
    }

    private static void Flush(List<TranscriptSegment> segments, List<(string Word, TimeSpan Start, TimeSpan End,
        double Posterior)> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        segments.Add(new TranscriptSegment(segments.Count, words[0].Start, words[^1].End,
            string.Join(' ', words.Select(word => word.Word)), words.Average(word => word.Posterior)));
        words.Clear();
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static TimeSpan DurationOf(string wavPath)
    {
        using var stream = File.OpenRead(wavPath);
        return WavFile.ReadInfo(stream).Duration;
    }
}
