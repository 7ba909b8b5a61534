namespace HipaaAi.Shared.Ai;

/// <summary>The service's content filter refused the request or its answer. Retrying the same input will not help.</summary>
public sealed class ContentFilteredException(string service, string category)
    : Exception($"The {service} content filter refused the request ({category}).")
{
    public string Service { get; } = service;

    public string Category { get; } = category;
}

/// <summary>The model stopped before finishing (length limit or other); a partial answer must not be used.</summary>
public sealed class TruncatedCompletionException(string service, string finishReason)
    : Exception($"The {service} completion ended with finish reason '{finishReason}' instead of 'stop'.")
{
    public string Service { get; } = service;

    public string FinishReason { get; } = finishReason;
}

/// <summary>The model answered, but not with content that matches the requested schema.</summary>
public sealed class InvalidModelOutputException(string service, string problem)
    : Exception($"The {service} answer did not match the expected schema: {problem}.")
{
    public string Service { get; } = service;
}
