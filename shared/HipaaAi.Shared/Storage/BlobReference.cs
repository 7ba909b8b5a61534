namespace HipaaAi.Shared.Storage;

/// <summary>
/// A pointer to a stored file: where it is, how big, and its SHA-256. Orchestrations pass these, never the bytes.
/// </summary>
public sealed record BlobReference(string Container, string Name, long Size, string Sha256, string? ContentType);
