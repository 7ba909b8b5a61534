using System.Buffers.Binary;

namespace HipaaAi.Shared.Dictation;

/// <summary>What a WAV header says about the audio in it.</summary>
public sealed record WavInfo(int SampleRate, int Channels, int BitsPerSample, int FormatTag, long DataOffset, long DataBytes)
{
    public bool IsPcm => FormatTag is 1 or 0xFFFE && BitsPerSample is 8 or 16 or 24 or 32;

    public int BlockAlign => Channels * (BitsPerSample / 8);

    public TimeSpan Duration => BlockAlign == 0 || SampleRate == 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds((double)(DataBytes / BlockAlign) / SampleRate);
}

/// <summary>Thrown when a file claims to be WAV but its chunks are not readable.</summary>
public sealed class InvalidAudioException(string reason) : Exception(reason);

/// <summary>
/// Reads and writes RIFF/WAVE files: the header chunks, and PCM samples mixed down to mono floats in [-1, 1].
/// Only what dictation needs: integer PCM (8, 16, 24, 32 bits) in any channel count; anything else is refused.
/// </summary>
public static class WavFile
{
    public static WavInfo ReadInfo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
            || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidAudioException("The RIFF/WAVE header is missing.");
        }

        (int Rate, int Channels, int Bits, int Tag)? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (stream.ReadAtLeast(chunkHeader, 8, throwOnEndOfStream: false) == 8)
        {
            var id = chunkHeader[..4];
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    throw new InvalidAudioException("The fmt chunk is too short.");
                }

                var body = new byte[size];
                stream.ReadExactly(body);
                var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                if (tag == 0xFFFE && size >= 26)
                {
                    // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24));
                }

                format = (BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4)),
                    BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2)),
                    BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14)), tag);
                SkipPad(stream, size);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not { } found)
                {
                    throw new InvalidAudioException("The data chunk comes before the fmt chunk.");
                }

                var available = Math.Max(0, stream.Length - stream.Position);

                // Recorders that were cut off leave the declared size larger than the file (or 0xFFFFFFFF).
                var dataBytes = Math.Min(size, available);
                return new WavInfo(found.Rate, found.Channels, found.Bits, found.Tag, stream.Position, dataBytes);
            }
            else
            {
                stream.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new InvalidAudioException(format is null ? "No fmt chunk was found." : "No data chunk was found.");
    }

    /// <summary>Reads the samples of a PCM WAV file, mixed to mono.</summary>
    public static (WavInfo Info, float[] Samples) ReadMono(Stream stream)
    {
        var info = ReadInfo(stream);
        if (!info.IsPcm || info.Channels < 1 || info.SampleRate < 1)
        {
            throw new InvalidAudioException("Only integer PCM WAV can be read.");
        }

        stream.Position = info.DataOffset;
        var bytesPerSample = info.BitsPerSample / 8;
        var frames = info.DataBytes / info.BlockAlign;
        var samples = new float[frames];
        var buffer = new byte[info.BlockAlign * 4096];
        long frame = 0;
        while (frame < frames)
        {
            var wanted = (int)Math.Min(buffer.Length / info.BlockAlign, frames - frame) * info.BlockAlign;
            stream.ReadExactly(buffer, 0, wanted);
            for (var offset = 0; offset < wanted; offset += info.BlockAlign)
            {
                double sum = 0;
                for (var channel = 0; channel < info.Channels; channel++)
                {
                    sum += Sample(buffer.AsSpan(offset + (channel * bytesPerSample), bytesPerSample));
                }

                samples[frame++] = (float)(sum / info.Channels);
            }
        }

        return (info, samples);
    }

    /// <summary>Writes mono 16-bit PCM, the format every local engine and the splitter work in.</summary>
    public static void WriteMono16(Stream stream, ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);

        var dataBytes = samples.Length * 2;
        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
        stream.Write(header);

        var buffer = new byte[8192];
        var position = 0;
        foreach (var sample in samples)
        {
            var value = (short)Math.Clamp(Math.Round(sample * short.MaxValue), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(position), value);
            position += 2;
            if (position == buffer.Length)
            {
                stream.Write(buffer, 0, position);
                position = 0;
            }
        }

        stream.Write(buffer, 0, position);
    }

    /// <summary>The size of a mono 16-bit WAV of this many samples, header included.</summary>
    public static long Mono16Bytes(long samples) => 44 + (samples * 2);

    private static double Sample(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => (bytes[0] - 128) / 128.0,
        2 => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768.0,
        3 => (((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) >> 8) / 8388608.0,
        _ => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0,
    };

    private static void SkipPad(Stream stream, long size)
    {
        if ((size & 1) == 1)
        {
            stream.Seek(1, SeekOrigin.Current);
        }
    }
}
