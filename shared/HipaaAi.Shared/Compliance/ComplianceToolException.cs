namespace HipaaAi.Shared.Compliance;

/// <summary>
/// A tool the evidence pack needs (bicep, Graphviz dot) is missing or failed. The message says which one and how to
/// get it; the pack is never written without the part that tool produces.
/// </summary>
public sealed class ComplianceToolException : Exception
{
    public ComplianceToolException(string message)
        : base(message)
    {
    }

    public ComplianceToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ComplianceToolException()
    {
    }
}
