using System.Text.Json.Nodes;

namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Reads the security settings of every resource from the compiled template. Settings are probed by property, so a
/// resource type the pack has not seen before still shows what it declares, and "not set" where it declares nothing.
/// </summary>
internal sealed class SafeguardReader(CompiledEnvironment environment)
{
    private const string NotSet = "not set in the template (service default)";

    // Plumbing and extension resources are listed in their own sections, not as rows of their own.
    private static readonly string[] NotListed =
    [
        AzureResourceTypes.PrivateEndpoint, AzureResourceTypes.PrivateDnsZone, AzureResourceTypes.Lock,
        AzureResourceTypes.RoleAssignment, AzureResourceTypes.DiagnosticSetting,
    ];

    /// <summary>Top-level resources, i.e. every resource that is not a child or an extension of another.</summary>
    public IReadOnlyList<TemplateResource> Listed =>
        environment.Resources
            .Where(resource => resource.Type.Count(character => character == '/') == 1)
            .Where(resource => !NotListed.Any(resource.IsOfType))
            .ToList();

    public IReadOnlyList<SafeguardRow> Rows() =>
        Listed.Select(resource => new SafeguardRow(
                resource.ShortName,
                resource.Type,
                EncryptionAtRest(resource),
                InTransit(resource),
                PublicAccess(resource),
                PrivateAccess(resource),
                Authentication(resource),
                Lock(resource),
                Diagnostics(resource)))
            .ToList();

    public IReadOnlyList<PrivateEndpointRow> PrivateEndpoints() =>
        environment.OfType(AzureResourceTypes.PrivateEndpoint)
            .SelectMany(endpoint => Connections(endpoint).Select(connection =>
            {
                var target = environment.ById(connection.TargetId);
                return new PrivateEndpointRow(endpoint.ShortName, target?.ShortName ?? connection.TargetId,
                    target?.Type ?? "(outside the template)", string.Join(", ", connection.GroupIds));
            }))
            .ToList();

    /// <summary>Group ids (blob, queue, vault, account, sites, …) of the endpoints that reach a resource.</summary>
    public IReadOnlyList<string> EndpointGroupsOf(TemplateResource resource) =>
        environment.OfType(AzureResourceTypes.PrivateEndpoint)
            .SelectMany(Connections)
            .Where(connection => string.Equals(connection.TargetId, resource.Id, StringComparison.OrdinalIgnoreCase))
            .SelectMany(connection => connection.GroupIds)
            .ToList();

    /// <summary>The Azure Monitor Private Link Scope a resource belongs to, if any.</summary>
    public TemplateResource? PrivateLinkScopeOf(TemplateResource resource)
    {
        var scoped = environment.OfType(AzureResourceTypes.ScopedResource).FirstOrDefault(link =>
            string.Equals(link.Text("properties.linkedResourceId"), resource.Id, StringComparison.OrdinalIgnoreCase));
        return scoped is null
            ? null
            : environment.OfType(AzureResourceTypes.PrivateLinkScope)
                .FirstOrDefault(scope => scope.ShortName == scoped.Name.Split('/')[0]);
    }

    /// <summary>True when the resource has private endpoints (its own or its Private Link Scope's).</summary>
    public bool IsPrivate(TemplateResource resource) =>
        EndpointGroupsOf(resource).Count > 0 || (PrivateLinkScopeOf(resource) is { } scope
            && EndpointGroupsOf(scope).Count > 0);

    private static IEnumerable<(string TargetId, IReadOnlyList<string> GroupIds)> Connections(
        TemplateResource endpoint) =>
        (endpoint.Node("properties.privateLinkServiceConnections") as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(connection => (
                connection["properties"]?["privateLinkServiceId"]?.ToString() ?? string.Empty,
                (IReadOnlyList<string>)((connection["properties"]?["groupIds"] as JsonArray ?? [])
                    .Select(group => group!.ToString()).ToList())));

    private static string EncryptionAtRest(TemplateResource resource)
    {
        var keySource = resource.Text("properties.encryption.keySource");
        if (keySource is null)
        {
            return resource.Text("properties.encryption.keyVaultProperties.keyIdentifier") is not null
                ? "customer-managed key (Key Vault)"
                : NotSet;
        }

        var text = keySource.Equals("Microsoft.Keyvault", StringComparison.OrdinalIgnoreCase)
            ? "customer-managed key (Key Vault)"
            : "Microsoft-managed keys (AES-256)";
        return resource.Text("properties.encryption.requireInfrastructureEncryption") == "true"
            ? text + " + infrastructure encryption"
            : text;
    }

    private static string InTransit(TemplateResource resource)
    {
        var parts = new List<string>();
        if (resource.Text("properties.minimumTlsVersion") is { } tls)
        {
            parts.Add($"minimum {tls}");
        }

        if (resource.Text("properties.siteConfig.minTlsVersion") is { } siteTls)
        {
            var deploymentTls = resource.Text("properties.siteConfig.scmMinTlsVersion");
            parts.Add($"minimum TLS {siteTls} (deployment site {deploymentTls})");
        }

        if (resource.Text("properties.supportsHttpsTrafficOnly") == "true"
            || resource.Text("properties.httpsOnly") == "true")
        {
            parts.Add("HTTPS only");
        }

        if (resource.Text("properties.siteConfig.ftpsState") is { } ftps)
        {
            parts.Add($"FTP {ftps}");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : NotSet;
    }

    private string PublicAccess(TemplateResource resource)
    {
        var parts = new List<string>();
        Add(parts, resource, "properties.publicNetworkAccess", "public network access");
        Add(parts, resource, "properties.networkAcls.publicNetworkAccess", "public network access");
        Add(parts, resource, "properties.publicNetworkAccessForIngestion", "public ingestion");
        Add(parts, resource, "properties.publicNetworkAccessForQuery", "public query");
        Add(parts, resource, "properties.accessModeSettings.ingestionAccessMode", "ingestion access");
        Add(parts, resource, "properties.accessModeSettings.queryAccessMode", "query access");
        Add(parts, resource, "properties.networkAcls.defaultAction", "firewall default");
        Add(parts, resource, "properties.networkAcls.bypass", "trusted-service bypass");
        if (resource.Text("properties.siteConfig.ipSecurityRestrictionsDefaultAction") is { } siteDefault)
        {
            var allowed = (resource.Node("properties.siteConfig.ipSecurityRestrictions") as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(rule => rule["action"]?.ToString() == "Allow")
                .Select(rule => $"{rule["ipAddress"]} ({rule["tag"]?.ToString() ?? "IP"})")
                .ToList();
            var allows = allowed.Count > 0 ? string.Join(", ", allowed) : "nothing";
            parts.Add($"firewall default {siteDefault}, allows {allows}");
        }

        if (resource.Text("properties.siteConfig.scmIpSecurityRestrictionsDefaultAction") is { } scmDefault)
        {
            parts.Add($"deployment site default {scmDefault}");
        }

        if (resource.IsOfType(AzureResourceTypes.VirtualNetwork))
        {
            parts.Add("private address space " +
                string.Join(", ", (resource.Node("properties.addressSpace.addressPrefixes") as JsonArray ?? [])
                    .Select(prefix => prefix!.ToString())));
        }

        if (PrivateLinkScopeOf(resource) is { } scope)
        {
            parts.Add($"reached through Private Link Scope {scope.ShortName}");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : NotSet;
    }

    private string PrivateAccess(TemplateResource resource)
    {
        var groups = EndpointGroupsOf(resource);
        if (groups.Count > 0)
        {
            return string.Join(", ", groups);
        }

        return PrivateLinkScopeOf(resource) is { } scope && EndpointGroupsOf(scope) is { Count: > 0 } scoped
            ? $"via {scope.ShortName} ({string.Join(", ", scoped)})"
            : "none";
    }

    private string Authentication(TemplateResource resource)
    {
        var parts = new List<string>();
        if (resource.Text("properties.allowSharedKeyAccess") == "false")
        {
            parts.Add("shared keys off");
        }

        if (resource.Text("properties.allowBlobPublicAccess") == "false")
        {
            parts.Add("anonymous blob access off");
        }

        if (resource.Text("properties.defaultToOAuthAuthentication") == "true")
        {
            parts.Add("Entra ID by default");
        }

        if (resource.Text("properties.disableLocalAuth") == "true"
            || resource.Text("properties.DisableLocalAuth") == "true"
            || resource.Text("properties.features.disableLocalAuth") == "true")
        {
            parts.Add("local auth off (Entra ID only)");
        }

        if (resource.Text("properties.enableRbacAuthorization") == "true")
        {
            parts.Add("Azure RBAC (no access policies)");
        }

        var basic = environment.OfType(AzureResourceTypes.PublishingCredentials)
            .Where(policy => policy.Name.StartsWith(resource.ShortName + "/", StringComparison.Ordinal))
            .Where(policy => policy.Text("properties.allow") == "false")
            .Select(policy => policy.ShortName)
            .ToList();
        if (basic.Count > 0)
        {
            parts.Add($"basic publishing auth off ({string.Join(", ", basic)})");
        }

        if (resource.Text("identity.type") is { } identity)
        {
            parts.Add($"own identity: {identity}");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : NotSet;
    }

    private string Lock(TemplateResource resource)
    {
        var locks = environment.AppliedTo(resource, AzureResourceTypes.Lock);
        return locks.Count == 0
            ? "none"
            : string.Join(", ", locks.Select(item => $"{item.Text("properties.level")} ({item.ShortName})"));
    }

    private string Diagnostics(TemplateResource resource)
    {
        var settings = environment.OfType(AzureResourceTypes.DiagnosticSetting)
            .Where(setting => string.Equals(setting.Scope, resource.Id, StringComparison.OrdinalIgnoreCase)
                || setting.Scope.StartsWith(resource.Id + "/", StringComparison.OrdinalIgnoreCase))
            .Select(setting => setting.Text("properties.workspaceId")?.Split('/')[^1] ?? "?")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return settings.Count == 0 ? "none" : "to " + string.Join(", ", settings);
    }

    private static void Add(List<string> parts, TemplateResource resource, string path, string label)
    {
        if (resource.Text(path) is { } value)
        {
            parts.Add($"{label} {value}");
        }
    }
}
