namespace HipaaAi.Shared.Samples;

/// <summary>Where the renderer finds its system tools and fonts (configuration section <c>Samples</c>).</summary>
public sealed class SampleRenderingOptions
{
    public const string SectionName = "Samples";

    /// <summary>The poppler-utils rasterizer; a bare name is looked up on PATH.</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>A folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.</summary>
    public string FontDirectory { get; set; } = DejaVuFontResolver.DefaultDirectory;

    /// <summary>Raster resolution of fax-like pages; 200 matches fax fine mode.</summary>
    public int RasterDpi { get; set; } = 200;

    /// <summary>The longest a single pdftoppm run may take.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
