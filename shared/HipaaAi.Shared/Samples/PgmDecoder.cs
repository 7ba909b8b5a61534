using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Samples;

/// <summary>Decodes binary 8-bit PGM (P5), the format <c>pdftoppm -gray</c> writes.</summary>
public static class PgmDecoder
{
    public static GrayImage Decode(byte[] data, int dpi)
    {
        ArgumentNullException.ThrowIfNull(data);

        var position = 0;
        var magic = ReadToken(data, ref position);
        if (magic != "P5")
        {
            throw new SampleRenderingException($"Expected a binary PGM (P5) raster, found a {data.Length}-byte file.");
        }

        var width = int.Parse(ReadToken(data, ref position), CultureInfo.InvariantCulture);
        var height = int.Parse(ReadToken(data, ref position), CultureInfo.InvariantCulture);
        var maxValue = int.Parse(ReadToken(data, ref position), CultureInfo.InvariantCulture);
        if (maxValue > 255)
        {
            throw new SampleRenderingException($"Only 8-bit PGM is supported; the raster's maximum is {maxValue}.");
        }

        // Exactly one whitespace byte separates the header from the pixels.
        position++;
        var length = checked(width * height);
        if (data.Length - position < length)
        {
            throw new SampleRenderingException($"PGM raster is short: {data.Length - position} of {length} bytes.");
        }

        var pixels = new byte[length];
        Array.Copy(data, position, pixels, 0, length);
        return new GrayImage(width, height, dpi, pixels);
    }

    private static string ReadToken(byte[] data, ref int position)
    {
        while (position < data.Length)
        {
            if (data[position] == (byte)'#')
            {
                while (position < data.Length && data[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }
            else
            {
                break;
            }
        }

        var builder = new StringBuilder();
        while (position < data.Length && !char.IsWhiteSpace((char)data[position]))
        {
            builder.Append((char)data[position]);
            position++;
        }

        return builder.ToString();
    }
}
