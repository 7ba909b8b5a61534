using BitMiracle.LibTiff.Classic;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// Writes and reads multi-page bilevel TIFFs compressed with CCITT Group 4 (T.6), the format fax servers store.
/// Pixels darker than mid-gray are written as black.
/// </summary>
public static class FaxTiff
{
    public static byte[] Write(IReadOnlyList<GrayImage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);

        using var stream = new MemoryStream();
        Write(stream, pages, pages.Count);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes pages as they are produced, so a long fax never has to sit in memory whole. The stream is left open.
    /// </summary>
    public static void Write(Stream output, IEnumerable<GrayImage> pages, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageCount);

        using var tiff = Tiff.ClientOpen("fax", "w", output, new LeaveOpenTiffStream())
            ?? throw new SampleRenderingException("LibTiff could not open the output stream for writing.");
        var index = 0;
        foreach (var page in pages)
        {
            if (index == pageCount)
            {
                throw new ArgumentException($"More pages than the announced {pageCount}.", nameof(pages));
            }

            WritePage(tiff, page, index, pageCount);
            index++;
        }

        if (index != pageCount)
        {
            throw new ArgumentException($"Got {index} pages, announced {pageCount}.", nameof(pages));
        }
    }

    /// <summary>Decodes every page of a bilevel TIFF to gray pixels (black 0, white 255).</summary>
    public static IReadOnlyList<GrayImage> Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);

        using var stream = new MemoryStream(data, writable: false);
        using var tiff = Tiff.ClientOpen("fax", "r", stream, new TiffStream())
            ?? throw new SampleRenderingException($"LibTiff could not open a {data.Length}-byte TIFF.");

        var pages = new List<GrayImage>();
        do
        {
            var width = tiff.GetField(TiffTag.IMAGEWIDTH)[0].ToInt();
            var height = tiff.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
            var photometric = (Photometric)tiff.GetFieldDefaulted(TiffTag.PHOTOMETRIC)[0].ToInt();
            var resolution = tiff.GetField(TiffTag.XRESOLUTION);
            var dpi = resolution is null ? 200 : (int)Math.Round(resolution[0].ToFloat());
            var row = new byte[tiff.ScanlineSize()];
            var pixels = new byte[width * height];
            for (var y = 0; y < height; y++)
            {
                if (!tiff.ReadScanline(row, y))
                {
                    throw new SampleRenderingException($"TIFF page {pages.Count + 1} failed to decode at row {y}.");
                }

                for (var x = 0; x < width; x++)
                {
                    var bitSet = (row[x >> 3] & (0x80 >> (x & 7))) != 0;
                    var black = photometric == Photometric.MINISWHITE ? bitSet : !bitSet;
                    pixels[(y * width) + x] = black ? GrayImage.Black : GrayImage.White;
                }
            }

            pages.Add(new GrayImage(width, height, dpi, pixels));
        }
        while (tiff.ReadDirectory());

        return pages;
    }

    private static void WritePage(Tiff tiff, GrayImage page, int index, int pageCount)
    {
        tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
        tiff.SetField(TiffTag.IMAGEWIDTH, page.Width);
        tiff.SetField(TiffTag.IMAGELENGTH, page.Height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
        tiff.SetField(TiffTag.FILLORDER, FillOrder.MSB2LSB);
        tiff.SetField(TiffTag.ORIENTATION, Orientation.TOPLEFT);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.ROWSPERSTRIP, page.Height);
        tiff.SetField(TiffTag.XRESOLUTION, (float)page.Dpi);
        tiff.SetField(TiffTag.YRESOLUTION, (float)page.Dpi);
        tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
        tiff.SetField(TiffTag.PAGENUMBER, index, pageCount);

        var row = new byte[(page.Width + 7) / 8];
        for (var y = 0; y < page.Height; y++)
        {
            Array.Clear(row);
            for (var x = 0; x < page.Width; x++)
            {
                if (page[x, y] < 128)
                {
                    row[x >> 3] |= (byte)(0x80 >> (x & 7));
                }
            }

            if (!tiff.WriteScanline(row, y))
            {
                throw new SampleRenderingException($"LibTiff failed to encode row {y} of fax page {index + 1}.");
            }
        }

        if (!tiff.WriteDirectory())
        {
            throw new SampleRenderingException($"LibTiff failed to finish fax page {index + 1}.");
        }
    }

    /// <summary>LibTiff closes its stream when disposed; the caller owns the stream here.</summary>
    private sealed class LeaveOpenTiffStream : TiffStream
    {
        public override void Close(object clientData)
        {
            if (clientData is Stream stream)
            {
                stream.Flush();
            }
        }
    }
}
