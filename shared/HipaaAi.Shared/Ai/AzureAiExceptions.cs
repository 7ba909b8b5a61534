namespace HipaaAi.Shared.Ai;

/// <summary>
/// An Azure AI service answered a request with an HTTP error that retries did not cure. Carries the status and the
/// service's error code only: the response body can echo request content and is deliberately not kept.
/// </summary>
public sealed class AzureAiRequestException(string service, int status, string? errorCode)
    : Exception($"The {service} request failed with HTTP {status} ({errorCode ?? "no error code"}).")
{
    public string Service { get; } = service;

    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}

/// <summary>A Document Intelligence analysis was accepted but ended failed or canceled, without a result.</summary>
public sealed class DocumentAnalysisFailedException(string status, string? errorCode)
    : Exception($"The document analysis ended with status '{status}' ({errorCode ?? "no error code"}).")
{
    public string Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}
