namespace HipaaAi.Shared.Samples;

/// <summary>
/// A sample file could not be rendered: a missing system tool or font, or a tool that failed. The message names the
/// tool and the Debian package that provides it, never document content.
/// </summary>
public sealed class SampleRenderingException : Exception
{
    public SampleRenderingException()
    {
    }

    public SampleRenderingException(string message)
        : base(message)
    {
    }

    public SampleRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
