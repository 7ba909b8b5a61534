using System.Text.Json.Nodes;

namespace HipaaAi.Shared.Compliance;

/// <summary>One resource as bicep predicts it for a parameter file, with parameter values resolved.</summary>
public sealed record TemplateResource(string Id, string Type, string Name, JsonObject Json)
{
    /// <summary>The last part of the name, e.g. <c>inbox-fax</c> for <c>st…/default/inbox-fax</c>.</summary>
    public string ShortName => Name.Split('/')[^1];

    /// <summary>
    /// The resource an extension resource (role assignment, lock, diagnostic setting) applies to; the resource's own
    /// id for anything else. Snapshot ids of role assignments read <c>[extensionResourceId('&lt;scope&gt;', …)]</c>.
    /// </summary>
    public string Scope
    {
        get
        {
            if (Id.StartsWith("[extensionResourceId('", StringComparison.Ordinal))
            {
                return Id.Split('\'')[1];
            }

            var extension = Id.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
            var first = Id.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
            return extension > first ? Id[..extension] : Id;
        }
    }

    public bool IsOfType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The node at a dotted path under the resource, e.g. <c>properties.minimumTlsVersion</c>.</summary>
    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject json ? json[part] : null;
        }

        return node;
    }

    public string? Text(string path) => Node(path)?.ToString();
}

/// <summary>
/// A Bicep environment as compiled offline: the resources its parameter file predicts, the parameter values, and
/// the fingerprints of the files they came from.
/// </summary>
public sealed class CompiledEnvironment(
    EnvironmentSources sources,
    JsonObject parameters,
    IReadOnlyList<TemplateResource> resources)
{
    public EnvironmentSources Sources { get; } = sources;

    /// <summary>Parameter name to value, as <c>bicep build-params</c> resolved them.</summary>
    public JsonObject Parameters { get; } = parameters;

    public IReadOnlyList<TemplateResource> Resources { get; } = resources;

    public string EnvironmentName => Parameters["environmentName"]?.ToString() ?? "unnamed";

    public IReadOnlyList<TemplateResource> OfType(string type) =>
        Resources.Where(resource => resource.IsOfType(type)).ToList();

    /// <summary>The first resource of a type, or null when the template has none.</summary>
    public TemplateResource? FirstOf(string type) => OfType(type) is [var first, ..] ? first : null;

    /// <summary>Extension resources of a type (locks, role assignments, diagnostics) applied to a resource.</summary>
    public IReadOnlyList<TemplateResource> AppliedTo(TemplateResource target, string type) =>
        OfType(type).Where(resource => string.Equals(resource.Scope, target.Id, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public TemplateResource? ById(string id) =>
        Resources.FirstOrDefault(resource => string.Equals(resource.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The function app settings as configuration keys (<c>Section__Key</c> becomes <c>Section:Key</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> AppSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in OfType(AzureResourceTypes.Site))
        {
            if (site.Node("properties.siteConfig.appSettings") is not JsonArray list)
            {
                continue;
            }

            foreach (var setting in list.OfType<JsonObject>())
            {
                var name = setting["name"]?.ToString();
                if (name is not null)
                {
                    settings[name.Replace("__", ":", StringComparison.Ordinal)] = setting["value"]?.ToString();
                }
            }
        }

        return settings;
    }
}

/// <summary>Where a compiled environment came from, with SHA-256 fingerprints so the evidence is traceable.</summary>
public sealed record EnvironmentSources(
    string ParameterFile,
    string ParameterFileSha256,
    string TemplateFile,
    string TemplateFileSha256,
    string CompiledTemplateSha256,
    IReadOnlyList<SourceFile> TemplateFiles,
    IReadOnlyDictionary<string, string?> EnvironmentVariables,
    DeploymentContext Context,
    string BicepVersion);

/// <summary>A file that went into the evidence, by path relative to the repository and SHA-256.</summary>
public sealed record SourceFile(string Path, string Sha256);

/// <summary>
/// The deployment scope bicep evaluates names and ids against. Resource names that include
/// <c>uniqueString(subscription, resource group)</c> are only the deployed names when these are the real values.
/// </summary>
public sealed record DeploymentContext(
    string SubscriptionId,
    string TenantId,
    string Location,
    string ResourceGroup,
    string DeploymentName)
{
    public const string PlaceholderSubscription = "00000000-0000-0000-0000-000000000000";
    public const string PlaceholderTenant = "11111111-1111-1111-1111-111111111111";
    public const string DefaultLocation = "eastus2";

    /// <summary>Placeholder ids (the same the snapshot tests use) and <c>rg-hipaaai-&lt;name&gt;</c>.</summary>
    public static DeploymentContext Placeholder(string environmentName) =>
        new(PlaceholderSubscription, PlaceholderTenant, DefaultLocation, $"rg-hipaaai-{environmentName}", "main");

    public bool IsPlaceholder => SubscriptionId == PlaceholderSubscription;
}
