namespace HipaaAi.Shared.Dictation;

/// <summary>The container formats dictation arrives in, as the bytes say (never the file name).</summary>
public enum AudioFormat
{
    Unknown,
    Wav,
    Mp3,
    M4a,
    Flac,
    Ogg,
    Amr,
    Wma,

    /// <summary>Olympus/Philips/Grundig Digital Speech Standard (DSS, and DS2 "Pro" files).</summary>
    Dss,
}

/// <summary>Recognises an audio container from its first bytes.</summary>
public static class AudioFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to decide every format it knows.</summary>
    public const int HeaderBytes = 16;

    private static readonly byte[] AsfHeaderGuid =
        [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C];

    public static AudioFormat Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            // M4A, MP4 audio and 3GP voice memos are all ISO media files; the brand does not change how they decode.
            return AudioFormat.M4a;
        }

        if (header.StartsWith("ID3"u8) || (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0
            && (header[1] & 0x06) != 0))
        {
            // An ID3 tag, or an MPEG audio frame sync with a valid layer.
            return AudioFormat.Mp3;
        }

        if (header.StartsWith("fLaC"u8))
        {
            return AudioFormat.Flac;
        }

        if (header.StartsWith("OggS"u8))
        {
            return AudioFormat.Ogg;
        }

        if (header.StartsWith("#!AMR"u8))
        {
            return AudioFormat.Amr;
        }

        if (header.Length >= 16 && header[..16].SequenceEqual(AsfHeaderGuid))
        {
            return AudioFormat.Wma;
        }

        if (header.Length >= 4 && (header[0] == 0x02 || header[0] == 0x03) && header[1..4].SequenceEqual("dss"u8))
        {
            return AudioFormat.Dss;
        }

        return header.Length >= 4 && header[0] == 0x03 && header[1..4].SequenceEqual("ds2"u8)
            ? AudioFormat.Dss
            : AudioFormat.Unknown;
    }

    /// <summary>The media type the transcription service expects for a format.</summary>
    public static string ContentType(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "audio/wav",
        AudioFormat.Mp3 => "audio/mpeg",
        AudioFormat.M4a => "audio/mp4",
        AudioFormat.Flac => "audio/flac",
        AudioFormat.Ogg => "audio/ogg",
        _ => "application/octet-stream",
    };

    /// <summary>The file extension the transcription service recognises for a format.</summary>
    public static string Extension(AudioFormat format) => format switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.M4a => ".m4a",
        AudioFormat.Flac => ".flac",
        AudioFormat.Ogg => ".ogg",
        AudioFormat.Amr => ".amr",
        AudioFormat.Wma => ".wma",
        AudioFormat.Dss => ".dss",
        _ => ".bin",
    };
}
