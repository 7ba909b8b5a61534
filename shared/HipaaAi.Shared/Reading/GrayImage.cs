using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Reading;

/// <summary>An 8-bit grayscale page held in memory (0 is black, 255 is white), row by row from the top.</summary>
internal sealed class GrayImage
{
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height)
            throw new ArgumentException("Pixel buffer does not match the image size.", nameof(pixels));

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>Reads a binary PGM (P5, 8-bit), the format pdftoppm writes with -gray.</summary>
    public static GrayImage ReadPgm(string path)
    {
        using var stream = File.OpenRead(path);
        if (ReadToken(stream) != "P5")
            throw new InvalidDataException("Not a binary PGM file.");

        var width = int.Parse(ReadToken(stream), CultureInfo.InvariantCulture);
        var height = int.Parse(ReadToken(stream), CultureInfo.InvariantCulture);
        var maxValue = int.Parse(ReadToken(stream), CultureInfo.InvariantCulture);
        if (maxValue is <= 0 or > 255)
            throw new InvalidDataException("Only 8-bit PGM files are supported.");

        var pixels = new byte[(long)width * height];
        stream.ReadExactly(pixels);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>Writes a binary PGM (P5), which Tesseract reads through Leptonica.</summary>
    public void WritePgm(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n")));
        stream.Write(Pixels);
    }

    /// <summary>Returns the page turned clockwise by 90, 180 or 270 degrees (0 returns this image).</summary>
    public GrayImage RotateClockwise(int degrees)
    {
        var turns = ((degrees % 360) + 360) % 360;
        if (turns == 0)
            return this;

        var (width, height) = turns == 180 ? (Width, Height) : (Height, Width);
        var rotated = new byte[Pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            var row = y * Width;
            for (var x = 0; x < Width; x++)
            {
                var target = turns switch
                {
                    90 => x * width + (width - 1 - y),
                    180 => (Height - 1 - y) * width + (Width - 1 - x),
                    270 => (height - 1 - x) * width + y,
                    _ => throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Use a multiple of 90."),
                };
                rotated[target] = Pixels[row + x];
            }
        }

        return new GrayImage(width, height, rotated);
    }

    /// <summary>
    /// A 3x3 median filter. Fax lines add isolated black and white specks that Tesseract reads as punctuation
    /// inside numbers; the median removes them while keeping strokes two or more pixels wide. Edges copy the nearest
    /// row or column.
    /// </summary>
    public GrayImage MedianFilter3x3()
    {
        var output = new byte[Pixels.Length];
        Span<byte> window = stackalloc byte[9];
        for (var y = 0; y < Height; y++)
        {
            var above = Math.Max(0, y - 1) * Width;
            var row = y * Width;
            var below = Math.Min(Height - 1, y + 1) * Width;
            for (var x = 0; x < Width; x++)
            {
                var left = Math.Max(0, x - 1);
                var right = Math.Min(Width - 1, x + 1);
                window[0] = Pixels[above + left];
                window[1] = Pixels[above + x];
                window[2] = Pixels[above + right];
                window[3] = Pixels[row + left];
                window[4] = Pixels[row + x];
                window[5] = Pixels[row + right];
                window[6] = Pixels[below + left];
                window[7] = Pixels[below + x];
                window[8] = Pixels[below + right];
                output[row + x] = Median9(window);
            }
        }

        return new GrayImage(Width, Height, output);
    }

    private static byte Median9(Span<byte> v)
    {
        // A fixed exchange network that leaves the median of nine values in v[4] (Paeth's method).
        Sort(v, 1, 2); Sort(v, 4, 5); Sort(v, 7, 8);
        Sort(v, 0, 1); Sort(v, 3, 4); Sort(v, 6, 7);
        Sort(v, 1, 2); Sort(v, 4, 5); Sort(v, 7, 8);
        Sort(v, 0, 3); Sort(v, 5, 8); Sort(v, 4, 7);
        Sort(v, 3, 6); Sort(v, 1, 4); Sort(v, 2, 5);
        Sort(v, 4, 7); Sort(v, 4, 2); Sort(v, 6, 4);
        Sort(v, 4, 2);
        return v[4];
    }

    private static void Sort(Span<byte> v, int a, int b)
    {
        if (v[a] > v[b])
            (v[a], v[b]) = (v[b], v[a]);
    }

    private static string ReadToken(Stream stream)
    {
        var token = new StringBuilder();
        while (true)
        {
            var value = stream.ReadByte();
            if (value < 0)
                throw new EndOfStreamException("PGM header is truncated.");

            if (value == '#' && token.Length == 0)
            {
                while (value is >= 0 and not '\n')
                    value = stream.ReadByte();
                continue;
            }

            if (char.IsWhiteSpace((char)value))
            {
                if (token.Length > 0)
                    return token.ToString();
                continue;
            }

            token.Append((char)value);
        }
    }
}
