namespace HipaaAi.Shared.Reading;

/// <summary>
/// A binary or data file that local reading needs is not installed. The message names the apt package to install.
/// </summary>
public sealed class OcrSetupException : Exception
{
    public OcrSetupException()
    {
        Component = string.Empty;
        AptPackage = string.Empty;
    }

    public OcrSetupException(string message)
        : base(message)
    {
        Component = string.Empty;
        AptPackage = string.Empty;
    }

    public OcrSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Component = string.Empty;
        AptPackage = string.Empty;
    }

    public OcrSetupException(string component, string aptPackage, Exception? innerException = null)
        : base($"Local OCR needs '{component}', which is not installed: install the apt package '{aptPackage}'.",
            innerException)
    {
        Component = component;
        AptPackage = aptPackage;
    }

    /// <summary>The missing binary or data, e.g. "tesseract" or "tesseract osd data".</summary>
    public string Component { get; }

    /// <summary>The Debian/Ubuntu package that provides it.</summary>
    public string AptPackage { get; }
}

/// <summary>An OCR or rasterizing process failed or timed out. Carries the tool and exit code, never its output.</summary>
public sealed class OcrProcessException : Exception
{
    public OcrProcessException()
    {
        Tool = string.Empty;
    }

    public OcrProcessException(string message)
        : base(message)
    {
        Tool = string.Empty;
    }

    public OcrProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tool = string.Empty;
    }

    public OcrProcessException(string tool, int? exitCode, string message)
        : base(message)
    {
        Tool = tool;
        ExitCode = exitCode;
    }

    /// <summary>The tool that failed, e.g. "tesseract".</summary>
    public string Tool { get; }

    /// <summary>The exit code, or null when the process was stopped after a timeout.</summary>
    public int? ExitCode { get; }
}
