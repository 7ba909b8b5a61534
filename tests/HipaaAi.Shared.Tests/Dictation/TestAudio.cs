using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

/// <summary>Builds test recordings in memory: tones stand in for speech, zeros and faint noise for silence.</summary>
internal static class TestAudio
{
    public static float[] Tone(double seconds, int sampleRate = 16_000, double amplitude = 0.3, double hertz = 220)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (var index = 0; index < samples.Length; index++)
        {
            samples[index] = (float)(amplitude * Math.Sin(2 * Math.PI * hertz * index / sampleRate));
        }

        return samples;
    }

    public static float[] Quiet(double seconds, int sampleRate = 16_000) => new float[(int)(seconds * sampleRate)];

    public static float[] Join(params float[][] parts) => [.. parts.SelectMany(part => part)];

    public static byte[] Wav(float[] samples, int sampleRate = 16_000)
    {
        using var stream = new MemoryStream();
        WavFile.WriteMono16(stream, samples, sampleRate);
        return stream.ToArray();
    }

    public static string WriteWav(string folder, string name, float[] samples, int sampleRate = 16_000)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Wav(samples, sampleRate));
        return path;
    }

    /// <summary>A stereo 8-bit or 24-bit PCM WAV written byte by byte, with a LIST chunk before the data.</summary>
    public static byte[] StereoWav(int sampleRate, int bits, float left, float right, int frames)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var blockAlign = 2 * (bits / 8);
        writer.Write("RIFF"u8);
        writer.Write(0);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(sampleRate);
        writer.Write(sampleRate * blockAlign);
        writer.Write((short)blockAlign);
        writer.Write((short)bits);
        writer.Write("LIST"u8);
        writer.Write(5);
        writer.Write("INFOx"u8);
        writer.Write((byte)0);
        writer.Write("data"u8);
        writer.Write(frames * blockAlign);
        for (var frame = 0; frame < frames; frame++)
        {
            WriteSample(writer, bits, left);
            WriteSample(writer, bits, right);
        }

        return stream.ToArray();
    }

    private static void WriteSample(BinaryWriter writer, int bits, float value)
    {
        if (bits == 8)
        {
            writer.Write((byte)(128 + (int)(value * 127)));
            return;
        }

        var scaled = (int)(value * 8_388_607);
        writer.Write((byte)(scaled & 0xFF));
        writer.Write((byte)((scaled >> 8) & 0xFF));
        writer.Write((byte)((scaled >> 16) & 0xFF));
    }
}
