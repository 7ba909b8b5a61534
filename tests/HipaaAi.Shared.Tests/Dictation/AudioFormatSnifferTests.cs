using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class AudioFormatSnifferTests
{
    public static TheoryData<byte[], AudioFormat> Headers => new()
    {
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], AudioFormat.Wav },
        { [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0], AudioFormat.Mp3 },
        { [0xFF, 0xFB, 0x90, 0x64, 0, 0], AudioFormat.Mp3 },
        { [0, 0, 0, 0x20, .. "ftypM4A "u8, 0, 0, 0, 0], AudioFormat.M4a },
        { [0, 0, 0, 0x18, .. "ftyp3gp4"u8, 0, 0, 0, 0], AudioFormat.M4a },
        { [.. "fLaC"u8, 0, 0, 0, 0x22], AudioFormat.Flac },
        { [.. "OggS"u8, 0, 2, 0, 0], AudioFormat.Ogg },
        { [.. "#!AMR\n"u8], AudioFormat.Amr },
        { [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C], AudioFormat.Wma },
        { [0x02, .. "dss"u8, 0x01, 0x00], AudioFormat.Dss },
        { [0x03, .. "ds2"u8, 0x01, 0x00], AudioFormat.Dss },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "AVI LIST"u8], AudioFormat.Unknown },
        { [.. "%PDF-1.7"u8], AudioFormat.Unknown },
        { [.. "This is text"u8], AudioFormat.Unknown },
        { [], AudioFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Sniff_LeadingBytes_NameTheRealFormat(byte[] header, AudioFormat expected)
    {
        // Act
        var format = AudioFormatSniffer.Sniff(header);

        // Assert
        Assert.Equal(expected, format);
    }
}
