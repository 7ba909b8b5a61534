using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class ChunkingTests
{
    [Fact]
    public void Plan_RecordingUnderTheLimit_IsOneChunk()
    {
        // Arrange
        var audio = TestAudio.Tone(10);

        // Act
        var chunks = AudioChunkPlanner.Plan(AudioLevels.Measure(audio, 16_000), audio.Length,
            AudioChunkPlanner.ServiceUploadLimitBytes);

        // Assert
        var chunk = Assert.Single(chunks);
        Assert.Equal((0, audio.Length), (chunk.StartSample, chunk.EndSample));
    }

    [Fact]
    public void Plan_SpeechWithPauses_CutsInsidePausesAndKeepsEveryChunkUnderTheLimit()
    {
        // Arrange: 4 s of speech then 0.5 s of pause, repeated; chunks may hold at most 10 s.
        var speech = TestAudio.Tone(4);
        var pause = TestAudio.Quiet(0.5);
        var audio = TestAudio.Join([.. Enumerable.Repeat(TestAudio.Join(speech, pause), 8)]);
        var maxBytes = WavFile.Mono16Bytes(16_000 * 10);

        // Act
        var chunks = AudioChunkPlanner.Plan(AudioLevels.Measure(audio, 16_000), audio.Length, maxBytes);

        // Assert
        Assert.True(chunks.Count >= 4);
        Assert.Equal(0, chunks[0].StartSample);
        Assert.Equal(audio.Length, chunks[^1].EndSample);
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.Equal(pair.First.EndSample, pair.Second.StartSample));
        Assert.All(chunks, chunk => Assert.True(WavFile.Mono16Bytes(chunk.Samples) <= maxBytes));
        Assert.All(chunks.SkipLast(1), chunk =>
        {
            var positionInCycle = chunk.EndSample % (16_000 * 4.5);
            Assert.InRange(positionInCycle, 16_000 * 4, 16_000 * 4.5);
        });
    }

    [Fact]
    public void Plan_SpeechWithoutAnyPause_StillCutsUnderTheLimit()
    {
        // Arrange
        var audio = TestAudio.Tone(35);
        var maxBytes = WavFile.Mono16Bytes(16_000 * 10);

        // Act
        var chunks = AudioChunkPlanner.Plan(AudioLevels.Measure(audio, 16_000), audio.Length, maxBytes);

        // Assert
        Assert.Equal(audio.Length, chunks.Sum(chunk => chunk.Samples));
        Assert.All(chunks, chunk => Assert.True(WavFile.Mono16Bytes(chunk.Samples) <= maxBytes));
    }

    [Fact]
    public void Stitch_SegmentsOfLaterChunks_AreShiftedByTheChunkOffsetAndRenumbered()
    {
        // Arrange
        var first = new AudioChunk(0, 0, 16_000 * 600, 16_000);
        var second = new AudioChunk(1, 16_000 * 600, 16_000 * 900, 16_000);
        IReadOnlyList<TranscriptSegment> firstSegments =
            [new(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), "Subjective.", 0.9)];
        IReadOnlyList<TranscriptSegment> secondSegments =
        [
            new(0, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(6), "Plan follow up.", 0.8),
            new(1, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(9), " ", null),
            new(2, TimeSpan.FromSeconds(299), TimeSpan.FromSeconds(305), "End.", 0.7),
        ];

        // Act
        var transcript = TranscriptStitcher.Stitch("engine", false, TimeSpan.FromSeconds(900),
            [(second, secondSegments), (first, firstSegments)]);

        // Assert
        Assert.Equal([0, 1, 2], transcript.Segments.Select(segment => segment.Index));
        Assert.Equal(TimeSpan.FromSeconds(1), transcript.Segments[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(602.5), transcript.Segments[1].Start);
        Assert.Equal(TimeSpan.FromSeconds(606), transcript.Segments[1].End);
        Assert.Equal(TimeSpan.FromSeconds(899), transcript.Segments[2].Start);
        Assert.Equal(TimeSpan.FromSeconds(900), transcript.Segments[2].End);
        Assert.Equal("Subjective. Plan follow up. End.", transcript.Text);
    }

    [Fact]
    public async Task TranscribeAsync_RecordingOverTheEngineLimit_SendsPiecesAndStitchesTheirTimes()
    {
        // Arrange: an engine that takes 10 s at most and "hears" one segment per second of tone it gets.
        var folder = Directory.CreateTempSubdirectory("hipaaai-test-").FullName;
        var audio = TestAudio.Join([.. Enumerable.Repeat(TestAudio.Join(TestAudio.Tone(4), TestAudio.Quiet(0.5)), 6)]);
        var path = TestAudio.WriteWav(folder, "long.wav", audio);
        var engine = new CountingEngine(WavFile.Mono16Bytes(16_000 * 10));

        var plan = AudioChunkPlanner.Plan(AudioLevels.Measure(audio, 16_000), audio.Length, engine.MaxUploadBytes);
        var expectedStarts = plan.SelectMany(chunk => Enumerable.Range(0, (int)(chunk.Samples / 16_000))
            .Select(second => chunk.Offset + TimeSpan.FromSeconds(second))).ToList();

        // Act
        var transcript = await new DictationTranscription(engine).TranscribeAsync(path, CancellationToken.None);

        // Assert
        Assert.True(plan.Count >= 3);
        Assert.Equal(plan.Count, engine.Calls);
        Assert.Equal(TimeSpan.FromSeconds(27), transcript.Duration);
        Assert.Equal(expectedStarts, transcript.Segments.Select(segment => segment.Start));
        Assert.Equal(Enumerable.Range(0, expectedStarts.Count), transcript.Segments.Select(segment => segment.Index));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TranscribeAsync_SilentRecording_IsAnEmptyTranscriptWithoutCallingTheEngine()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("hipaaai-test-").FullName;
        var path = TestAudio.WriteWav(folder, "silence.wav", TestAudio.Quiet(5));
        var engine = new CountingEngine(AudioChunkPlanner.ServiceUploadLimitBytes);

        // Act
        var transcript = await new DictationTranscription(engine).TranscribeAsync(path, CancellationToken.None);

        // Assert
        Assert.Empty(transcript.Segments);
        Assert.Equal(string.Empty, transcript.Text);
        Assert.Equal(0, engine.Calls);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Reports one segment per whole second of the piece it gets, timed from the piece's own start.</summary>
    private sealed class CountingEngine(long maxUploadBytes) : ISpeechTranscriber
    {
        public int Calls { get; private set; }

        public string Engine => "counting";

        public bool LowConfidence => false;

        public long MaxUploadBytes => maxUploadBytes;

        public Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
        {
            Calls++;
            Assert.True(new FileInfo(wavPath).Length <= maxUploadBytes);
            using var stream = File.OpenRead(wavPath);
            var seconds = (int)WavFile.ReadInfo(stream).Duration.TotalSeconds;
            IReadOnlyList<TranscriptSegment> segments = [.. Enumerable.Range(0, seconds).Select(second =>
                new TranscriptSegment(second, TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(second + 0.5),
                    $"word{second}", 1))];
            return Task.FromResult(segments);
        }
    }
}
