namespace HipaaAi.Shared.Audit;

/// <summary>The local audit chain could not be written or read safely. Carries codes, never event content.</summary>
public sealed class AuditChainException(string message, Exception? innerException = null)
    : Exception(message, innerException);
