using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// Writes minimal, deterministic PNG files (no timestamps, no metadata chunks). Grayscale output is for sample
/// files; RGB output exists because PDFsharp refuses to embed 1-bit and grayscale PNGs.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] EncodeGray(GrayImage image) => Encode(image, rgb: false);

    public static byte[] EncodeRgb(GrayImage image) => Encode(image, rgb: true);

    private static byte[] Encode(GrayImage image, bool rgb)
    {
        ArgumentNullException.ThrowIfNull(image);

        using var output = new MemoryStream();
        output.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;
        header[9] = (byte)(rgb ? 2 : 0);
        WriteChunk(output, "IHDR", header);

        var samplesPerPixel = rgb ? 3 : 1;
        var rowBytes = (image.Width * samplesPerPixel) + 1;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[rowBytes];
            for (var y = 0; y < image.Height; y++)
            {
                // Filter byte 0 (none): the rows are mostly white, which deflate handles well on its own.
                row[0] = 0;
                for (var x = 0; x < image.Width; x++)
                {
                    var value = image[x, y];
                    for (var s = 0; s < samplesPerPixel; s++)
                    {
                        row[1 + (x * samplesPerPixel) + s] = value;
                    }
                }

                zlib.Write(row);
            }
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);

        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);

        var crc = UpdateCrc(0xFFFFFFFFu, typeBytes);
        crc = UpdateCrc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        output.Write(number);
    }

    private static uint UpdateCrc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
