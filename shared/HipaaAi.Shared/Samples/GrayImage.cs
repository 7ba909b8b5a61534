namespace HipaaAi.Shared.Samples;

/// <summary>
/// An 8-bit grayscale raster page (0 is black, 255 is white) with its resolution. Bilevel pages use only 0 and 255.
/// The transforms return new images and take their randomness from the caller so sample sets stay reproducible.
/// </summary>
public sealed class GrayImage
{
    public const byte Black = 0;
    public const byte White = 255;

    public GrayImage(int width, int height, int dpi, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height))
        {
            throw new ArgumentException($"Expected {width * height} pixels, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Dpi = dpi;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Dpi { get; }

    /// <summary>Row-major pixels, one byte each.</summary>
    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[(y * Width) + x];

    /// <summary>A page of one shade (white by default).</summary>
    public static GrayImage Blank(int width, int height, int dpi, byte shade = White)
    {
        var pixels = new byte[checked(width * height)];
        Array.Fill(pixels, shade);
        return new GrayImage(width, height, dpi, pixels);
    }

    /// <summary>Pixels darker than <paramref name="threshold"/> become black, all others white.</summary>
    public GrayImage Threshold(byte threshold = 160)
    {
        var result = new byte[Pixels.Length];
        for (var i = 0; i < Pixels.Length; i++)
        {
            result[i] = Pixels[i] < threshold ? Black : White;
        }

        return new GrayImage(Width, Height, Dpi, result);
    }

    /// <summary>Flips about <paramref name="rate"/> of the pixels to black or white, like a noisy fax line.</summary>
    public GrayImage AddSaltAndPepper(Random random, double rate)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);

        var result = (byte[])Pixels.Clone();
        var flips = (int)(result.Length * rate);
        for (var i = 0; i < flips; i++)
        {
            var index = random.Next(result.Length);
            result[index] = random.Next(2) == 0 ? Black : White;
        }

        return new GrayImage(Width, Height, Dpi, result);
    }

    /// <summary>Shifts bands of rows sideways by up to <paramref name="maxShift"/> pixels, like a feeder.</summary>
    public GrayImage JitterRows(Random random, int maxShift, int rowsPerBand = 24)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(maxShift);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerBand);

        var result = new byte[Pixels.Length];
        Array.Fill(result, White);
        var shift = 0;
        for (var y = 0; y < Height; y++)
        {
            if (y % rowsPerBand == 0)
            {
                shift = random.Next(-maxShift, maxShift + 1);
            }

            var row = y * Width;
            var length = Width - Math.Abs(shift);
            if (length > 0)
            {
                Array.Copy(Pixels, row + Math.Max(0, -shift), result, row + Math.Max(0, shift), length);
            }
        }

        return new GrayImage(Width, Height, Dpi, result);
    }

    /// <summary>Rotates by a small angle about the centre (nearest neighbour); uncovered corners turn white.</summary>
    public GrayImage Skew(double degrees)
    {
        var radians = degrees * Math.PI / 180.0;
        var cos = Math.Cos(radians);
        var sin = Math.Sin(radians);
        var centreX = Width / 2.0;
        var centreY = Height / 2.0;
        var result = new byte[Pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            // Walk the source along the row instead of recomputing the rotation for every pixel.
            var dy = y - centreY;
            var sourceX = (sin * dy) + centreX - (cos * centreX) + 0.5;
            var sourceY = (cos * dy) + centreY + (sin * centreX) + 0.5;
            var row = y * Width;
            for (var x = 0; x < Width; x++, sourceX += cos, sourceY -= sin)
            {
                var sx = (int)Math.Floor(sourceX);
                var sy = (int)Math.Floor(sourceY);
                var inside = (uint)sx < (uint)Width && (uint)sy < (uint)Height;
                result[row + x] = inside ? Pixels[(sy * Width) + sx] : White;
            }
        }

        return new GrayImage(Width, Height, Dpi, result);
    }

    /// <summary>Rotates clockwise by 0, 90, 180 or 270 degrees.</summary>
    public GrayImage RotateClockwise(int degrees)
    {
        var normalized = ((degrees % 360) + 360) % 360;
        switch (normalized)
        {
            case 0:
                return new GrayImage(Width, Height, Dpi, (byte[])Pixels.Clone());
            case 180:
                var flipped = (byte[])Pixels.Clone();
                Array.Reverse(flipped);
                return new GrayImage(Width, Height, Dpi, flipped);
            case 90:
            case 270:
                var turned = new byte[Pixels.Length];
                for (var y = 0; y < Height; y++)
                {
                    for (var x = 0; x < Width; x++)
                    {
                        var (newX, newY) = normalized == 90 ? (Height - 1 - y, x) : (y, Width - 1 - x);
                        turned[(newY * Height) + newX] = Pixels[(y * Width) + x];
                    }
                }

                return new GrayImage(Height, Width, Dpi, turned);
            default:
                throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Only quarter turns are supported.");
        }
    }

    /// <summary>The share of black-ish pixels (below mid-gray) in a band of rows, 0..1.</summary>
    public double InkRatio(int firstRow, int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow + rowCount, Height);

        var dark = 0L;
        var end = (firstRow + rowCount) * Width;
        for (var i = firstRow * Width; i < end; i++)
        {
            if (Pixels[i] < 128)
            {
                dark++;
            }
        }

        return rowCount == 0 ? 0 : dark / (double)(rowCount * (long)Width);
    }
}
