using System.IO.Compression;
using System.Text;

namespace HipaaAi.Shared.Phi;

/// <summary>Where a canary value was found: the field, the rendering matched, the file (or label) and position.</summary>
public sealed record CanaryHit(CanaryField Field, string Rendering, string Location, int Line, int Column);

/// <summary>
/// Scans text, files and folders for any rendering of <see cref="PhiCanary"/>. Gzip files (outbox payloads, rotated
/// logs) are decompressed first. Used by end-to-end tests against every sink: any hit is a leak.
/// </summary>
public static class CanaryScanner
{
    public static IReadOnlyList<CanaryHit> ScanText(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);

        var hits = new List<CanaryHit>();
        var lines = text.Split('\n');
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            foreach (var (field, renderings) in PhiCanary.Renderings)
            {
                foreach (var rendering in renderings)
                {
                    var column = lines[lineIndex].IndexOf(rendering, StringComparison.OrdinalIgnoreCase);
                    while (column >= 0)
                    {
                        hits.Add(new CanaryHit(field, rendering, location, lineIndex + 1, column + 1));
                        column = lines[lineIndex].IndexOf(rendering, column + 1, StringComparison.OrdinalIgnoreCase);
                    }
                }
            }
        }

        return hits;
    }

    public static IReadOnlyList<CanaryHit> ScanFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return ScanText(Encoding.UTF8.GetString(bytes), path);
    }

    /// <summary>Scans every file under <paramref name="folder"/>, recursively.</summary>
    public static IReadOnlyList<CanaryHit> ScanFolder(string folder, string searchPattern = "*") =>
        Directory.EnumerateFiles(folder, searchPattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(ScanFile)
            .ToList();
}
