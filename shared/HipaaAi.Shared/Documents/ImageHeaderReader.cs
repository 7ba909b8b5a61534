using System.Buffers.Binary;

namespace HipaaAi.Shared.Documents;

/// <summary>Pixel size of a single-page raster image, read from its header.</summary>
internal sealed record ImageSize(int Width, int Height);

/// <summary>
/// Reads the pixel size of PNG, JPEG, GIF and BMP files from their headers and checks their structure (chunk CRCs,
/// marker chain, trailer) so that truncated or damaged files are caught without a full decoder.
/// </summary>
internal static class ImageHeaderReader
{
    /// <summary>Returns the size, or null with a short, content-free reason when the file is damaged.</summary>
    public static ImageSize? TryRead(Stream stream, DocumentFormat format, out string? damage)
    {
        damage = null;
        try
        {
            var size = format switch
            {
                DocumentFormat.Png => ReadPng(stream),
                DocumentFormat.Jpeg => ReadJpeg(stream),
                DocumentFormat.Gif => ReadGif(stream),
                DocumentFormat.Bmp => ReadBmp(stream),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a single-page raster format."),
            };

            if (size.Width <= 0 || size.Height <= 0)
                throw new InvalidDataException("non-positive image size");

            return size;
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException)
        {
            damage = exception.Message;
            return null;
        }
    }

    private static ImageSize ReadPng(Stream stream)
    {
        stream.Position = 8;
        Span<byte> header = stackalloc byte[8];
        ImageSize? size = null;
        Span<byte> storedCrc = stackalloc byte[4];
        var buffer = new byte[64 * 1024];

        while (true)
        {
            stream.ReadExactly(header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length > int.MaxValue || stream.Position + length + 4 > stream.Length)
                throw new InvalidDataException("PNG chunk runs past the end of the file");

            var crc = Crc32.Update(Crc32.Start, header[4..]);
            var isHeaderChunk = header[4..].SequenceEqual("IHDR"u8);
            var isEnd = header[4..].SequenceEqual("IEND"u8);
            if (size is null && !isHeaderChunk)
                throw new InvalidDataException("PNG does not start with an IHDR chunk");

            var remaining = (int)length;
            var first = true;
            while (remaining > 0)
            {
                var count = Math.Min(remaining, buffer.Length);
                stream.ReadExactly(buffer, 0, count);
                crc = Crc32.Update(crc, buffer.AsSpan(0, count));
                if (first && isHeaderChunk && count >= 8)
                {
                    size = new ImageSize(
                        BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(0, 4)),
                        BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4, 4)));
                }

                first = false;
                remaining -= count;
            }

            stream.ReadExactly(storedCrc);
            if (BinaryPrimitives.ReadUInt32BigEndian(storedCrc) != Crc32.Finish(crc))
                throw new InvalidDataException("PNG chunk checksum mismatch");

            if (isEnd)
                return size ?? throw new InvalidDataException("PNG has no IHDR chunk");
        }
    }

    private static ImageSize ReadJpeg(Stream stream)
    {
        stream.Position = 2;
        ImageSize? size = null;
        Span<byte> marker = stackalloc byte[4];
        Span<byte> frame = stackalloc byte[5];

        while (size is null)
        {
            stream.ReadExactly(marker[..2]);
            if (marker[0] != 0xFF)
                throw new InvalidDataException("JPEG marker chain is broken");

            var code = marker[1];
            if (code == 0xFF || code is >= 0xD0 and <= 0xD7 or 0x01)
            {
                // Fill bytes and stand-alone markers carry no length.
                if (code == 0xFF)
                    stream.Position--;
                continue;
            }

            if (code is 0xD9 or 0xDA)
                throw new InvalidDataException("JPEG has no frame header");

            stream.ReadExactly(marker[2..4]);
            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(marker[2..4]);
            if (segmentLength < 2 || stream.Position + segmentLength - 2 > stream.Length)
                throw new InvalidDataException("JPEG segment runs past the end of the file");

            var isFrameHeader = code is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                stream.ReadExactly(frame);
                size = new ImageSize(
                    BinaryPrimitives.ReadUInt16BigEndian(frame[3..5]),
                    BinaryPrimitives.ReadUInt16BigEndian(frame[1..3]));
            }
            else
            {
                stream.Position += segmentLength - 2;
            }
        }

        RequireTrailer(stream, [0xFF, 0xD9], "JPEG is truncated (no end-of-image marker)");
        return size;
    }

    private static ImageSize ReadGif(Stream stream)
    {
        Span<byte> screen = stackalloc byte[4];
        stream.Position = 6;
        stream.ReadExactly(screen);
        RequireTrailer(stream, [0x3B], "GIF is truncated (no trailer)");
        return new ImageSize(
            BinaryPrimitives.ReadUInt16LittleEndian(screen[..2]),
            BinaryPrimitives.ReadUInt16LittleEndian(screen[2..4]));
    }

    private static ImageSize ReadBmp(Stream stream)
    {
        Span<byte> header = stackalloc byte[34];
        stream.Position = 0;
        _ = stream.ReadAtLeast(header, 26); // the smallest (OS/2 core) header ends at byte 26
        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[10..14]);
        var dibSize = BinaryPrimitives.ReadInt32LittleEndian(header[14..18]);

        int width, height, bitsPerPixel;
        if (dibSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(header[18..20]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(header[20..22]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[24..26]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(header[18..22]);
            height = Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(header[22..26])); // negative means top-down
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[28..30]);
        }

        var compression = dibSize >= 40 ? BinaryPrimitives.ReadUInt32LittleEndian(header[30..34]) : 0;
        if (compression == 0 && width > 0 && bitsPerPixel > 0)
        {
            var rowBytes = ((long)width * bitsPerPixel + 31) / 32 * 4;
            if (pixelOffset + rowBytes * height > stream.Length)
                throw new InvalidDataException("BMP pixel data is truncated");
        }

        return new ImageSize(width, height);
    }

    private static void RequireTrailer(Stream stream, ReadOnlySpan<byte> trailer, string damage)
    {
        // Some writers pad files with zeros or a newline after the trailer; look a little way back.
        const int window = 64;
        var start = Math.Max(0, stream.Length - window);
        var tail = new byte[stream.Length - start];
        stream.Position = start;
        stream.ReadExactly(tail);
        var end = tail.AsSpan().TrimEnd((byte)0).TrimEnd("\r\n"u8);
        if (!end.EndsWith(trailer))
            throw new InvalidDataException(damage);
    }
}
