using BitMiracle.LibTiff.Classic;

namespace HipaaAi.Shared.Reading;

/// <summary>Opens TIFF files with LibTiff.NET, counts their pages and decodes one page to 8-bit gray.</summary>
internal static class TiffPages
{
    static TiffPages()
    {
        // LibTiff.NET writes warnings and errors to the console by default; failures still surface here as null
        // handles and false results, and nothing from a patient's file should reach the console.
        Tiff.SetErrorHandler(new SilentTiffErrorHandler());
    }

    /// <summary>Opens a TIFF for reading, or throws <see cref="InvalidDataException"/> when the header is damaged.</summary>
    public static Tiff Open(string path) =>
        Tiff.Open(path, "r") ?? throw new InvalidDataException("TIFF header or first directory is damaged");

    public static int CountPages(Tiff tiff) => tiff.NumberOfDirectories();

    /// <summary>Width and height of page <paramref name="pageIndex"/> (zero-based).</summary>
    public static (int Width, int Height) PageSize(Tiff tiff, int pageIndex)
    {
        Select(tiff, pageIndex);
        return (RequiredInt(tiff, TiffTag.IMAGEWIDTH), RequiredInt(tiff, TiffTag.IMAGELENGTH));
    }

    /// <summary>Horizontal resolution of the current page in dots per inch, or <paramref name="fallback"/>.</summary>
    public static int HorizontalDpi(Tiff tiff, int fallback)
    {
        var resolution = tiff.GetField(TiffTag.XRESOLUTION) is { Length: > 0 } x ? x[0].ToDouble() : 0;
        var unit = (ResUnit)OptionalInt(tiff, TiffTag.RESOLUTIONUNIT, (int)ResUnit.INCH);
        var dpi = unit == ResUnit.CENTIMETER ? resolution * 2.54 : resolution;
        return unit != ResUnit.NONE && dpi is >= 50 and <= 1200 ? (int)Math.Round(dpi) : fallback;
    }

    /// <summary>Decompresses every strip or tile of a page, throwing when the data is damaged.</summary>
    public static void VerifyPage(Tiff tiff, int pageIndex)
    {
        Select(tiff, pageIndex);
        var tiled = tiff.IsTiled();
        var count = tiled ? tiff.NumberOfTiles() : tiff.NumberOfStrips();
        var buffer = new byte[tiled ? tiff.TileSize() : tiff.StripSize()];
        for (var index = 0; index < count; index++)
        {
            var read = tiled
                ? tiff.ReadEncodedTile(index, buffer, 0, buffer.Length)
                : tiff.ReadEncodedStrip(index, buffer, 0, buffer.Length);
            if (read < 0)
                throw new InvalidDataException("TIFF page data will not decode");
        }
    }

    /// <summary>Decodes page <paramref name="pageIndex"/> (zero-based) to gray, honouring photometric and fill order.</summary>
    public static GrayImage DecodePage(Tiff tiff, int pageIndex)
    {
        var (width, height) = PageSize(tiff, pageIndex);
        var bitsPerSample = OptionalInt(tiff, TiffTag.BITSPERSAMPLE, 1);
        var samplesPerPixel = OptionalInt(tiff, TiffTag.SAMPLESPERPIXEL, 1);
        var photometric = (Photometric)OptionalInt(tiff, TiffTag.PHOTOMETRIC, (int)Photometric.MINISWHITE);
        var orientation = (Orientation)OptionalInt(tiff, TiffTag.ORIENTATION, (int)Orientation.TOPLEFT);

        var isPlainGray = samplesPerPixel == 1
            && bitsPerSample is 1 or 8
            && photometric is Photometric.MINISWHITE or Photometric.MINISBLACK
            && orientation == Orientation.TOPLEFT
            && !tiff.IsTiled();

        return isPlainGray
            ? DecodeScanlines(tiff, width, height, bitsPerSample, photometric == Photometric.MINISWHITE)
            : DecodeThroughRgba(tiff, width, height);
    }

    private static GrayImage DecodeScanlines(Tiff tiff, int width, int height, int bitsPerSample, bool zeroIsWhite)
    {
        // Fax pages are 1-bit; LibTiff applies the fill order while decoding, so bits arrive most significant first.
        var pixels = new byte[(long)width * height];
        var scanline = new byte[tiff.ScanlineSize()];
        for (var row = 0; row < height; row++)
        {
            if (!tiff.ReadScanline(scanline, row))
                throw new InvalidDataException("TIFF page data will not decode");

            var target = row * width;
            for (var x = 0; x < width; x++)
            {
                int value = bitsPerSample == 1
                    ? ((scanline[x >> 3] >> (7 - (x & 7))) & 1) * 255
                    : scanline[x];
                pixels[target + x] = (byte)(zeroIsWhite ? 255 - value : value);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    private static GrayImage DecodeThroughRgba(Tiff tiff, int width, int height)
    {
        // Colour, palette, tiled and re-oriented pages: LibTiff converts them and we reduce to luminance.
        var raster = new int[checked(width * height)];
        if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
            throw new InvalidDataException("TIFF page data will not decode");

        var pixels = new byte[raster.Length];
        for (var i = 0; i < raster.Length; i++)
        {
            var abgr = raster[i];
            pixels[i] = (byte)((Tiff.GetR(abgr) * 299 + Tiff.GetG(abgr) * 587 + Tiff.GetB(abgr) * 114) / 1000);
        }

        return new GrayImage(width, height, pixels);
    }

    private static void Select(Tiff tiff, int pageIndex)
    {
        if (pageIndex is < 0 or > short.MaxValue || !tiff.SetDirectory((short)pageIndex))
            throw new InvalidDataException("TIFF page directory is damaged");
    }

    private static int RequiredInt(Tiff tiff, TiffTag tag) =>
        tiff.GetField(tag) is { Length: > 0 } value
            ? value[0].ToInt()
            : throw new InvalidDataException("TIFF page has no image size");

    private static int OptionalInt(Tiff tiff, TiffTag tag, int fallback) =>
        tiff.GetField(tag) is { Length: > 0 } value ? value[0].ToInt() : fallback;

    private sealed class SilentTiffErrorHandler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(
            Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(
            Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
