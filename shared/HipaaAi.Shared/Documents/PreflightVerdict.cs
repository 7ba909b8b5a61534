namespace HipaaAi.Shared.Documents;

/// <summary>What preflight decided about an incoming file. Every value except <see cref="Accepted"/> quarantines it.</summary>
public enum PreflightVerdict
{
    Accepted,
    Empty,
    Encrypted,
    Corrupt,
    Unsupported,
    TooLarge,
    TooSmall,
}
