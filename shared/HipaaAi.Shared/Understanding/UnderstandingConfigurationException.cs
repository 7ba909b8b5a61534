namespace HipaaAi.Shared.Understanding;

/// <summary>
/// A rules file is missing or malformed. The message names the file and the rule, never document content.
/// </summary>
public sealed class UnderstandingConfigurationException : Exception
{
    public UnderstandingConfigurationException()
    {
    }

    public UnderstandingConfigurationException(string message)
        : base(message)
    {
    }

    public UnderstandingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
