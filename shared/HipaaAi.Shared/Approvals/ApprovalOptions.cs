namespace HipaaAi.Shared.Approvals;

/// <summary>
/// Settings of the approval mechanism (section <c>Approvals</c>). Secrets are never written in a file: in Azure
/// <see cref="TeamsWebhooks"/> and <see cref="LinkSigningKey"/> are Key Vault references.
/// </summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary><c>Teams</c> (default) posts to Teams Workflows webhooks; <c>Local</c> keeps cards in the review store.</summary>
    public string Channel { get; set; } = ApprovalChannels.Teams;

    /// <summary>
    /// The Teams Workflows webhook of each approver group (a Teams channel), by group name. Each URL carries a
    /// signature in its query: never log it.
    /// </summary>
    public Dictionary<string, Uri> TeamsWebhooks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes for signed approval links.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>Where decision links point, e.g. <c>https://app.example/api/approvals</c>.</summary>
    public Uri? DecisionBaseUrl { get; set; }

    /// <summary>
    /// The link a card gives to open a record inside the PHI boundary: <c>records/{recordId}</c> beside the
    /// decision endpoint (e.g. <c>https://app.example/api/records/…</c>), where the viewer checks who asks and audits it.
    /// </summary>
    public Uri RecordLinkFor(string recordId)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        var decisions = DecisionBaseUrl
            ?? throw new InvalidOperationException($"Setting '{Section}:DecisionBaseUrl' is missing.");
        return new Uri(new Uri(decisions.AbsoluteUri.TrimEnd('/')), "records/" + Uri.EscapeDataString(recordId));
    }

    /// <summary>The longest a signed link stays valid; it never outlives the approval's own deadline.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Trust the <c>X-MS-CLIENT-PRINCIPAL</c> header. Only true where App Service authentication sits in front of
    /// the app and strips the header from callers; anywhere else anyone could forge it.
    /// </summary>
    public bool TrustAppServicePrincipal { get; set; }

    /// <summary>Also render <c>Action.Execute</c> buttons (with a signed-link fallback) for a bot or flow.</summary>
    public bool ExecuteActions { get; set; }

    /// <summary>The table that holds approval requests, decisions and used link nonces.</summary>
    public string TableName { get; set; } = "approvals";

    /// <summary>Roles allowed to decide each approval kind, e.g. <c>NoteSignature</c>: [<c>Provider</c>].</summary>
    public Dictionary<string, List<string>> DeciderRoles { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The roles that may decide an approval of this kind; the request's own role when none configured.</summary>
    public IReadOnlyList<string> RolesFor(string kind, string requestedRole) =>
        DeciderRoles.TryGetValue(kind, out var roles) && roles.Count > 0 ? roles : [requestedRole];
}

/// <summary>Names of the card channels.</summary>
public static class ApprovalChannels
{
    public const string Teams = "Teams";
    public const string Local = "Local";
}
