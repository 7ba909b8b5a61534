using System.Text.Json.Nodes;

namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class SecurityPostureTests(BicepFixture bicep)
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    /// <summary>Each private-link target, the sub-resources it exposes and the DNS zone each resolves in.</summary>
    public static TheoryData<string, string, string, string> PrivateLinkTargets
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var environment in BicepFixture.Environments)
            {
                data.Add(environment, ResourceTypes.StorageAccount, "blob", "privatelink.blob.");
                data.Add(environment, ResourceTypes.StorageAccount, "queue", "privatelink.queue.");
                data.Add(environment, ResourceTypes.StorageAccount, "table", "privatelink.table.");
                data.Add(environment, ResourceTypes.StorageAccount, "file", "privatelink.file.");
                data.Add(environment, ResourceTypes.KeyVault, "vault", "keyvaultDns");
                data.Add(environment, ResourceTypes.Site, "sites", "privatelink.azurewebsites.net");
                data.Add(environment, ResourceTypes.PrivateLinkScope, "azuremonitor", "privatelink.monitor.azure.com");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void PublicNetworkAccess_EveryResourceExceptEventGridIngress_IsDisabled(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);

        // Act
        var settings = snapshot.Resources
            .Where(resource => resource.Type != ResourceTypes.Site)
            .SelectMany(resource => PublicAccessSettings(resource.Name, resource.Properties))
            .ToList();

        // Assert
        Assert.True(settings.Count >= 8, $"Only {settings.Count} public access settings found.");
        Assert.All(settings, setting => Assert.Equal("Disabled", setting.Value));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_PublicInbound_AdmitsOnlyEventGridAndNoDeploymentTraffic(string environment)
    {
        // Arrange
        var site = bicep.SnapshotOf(environment).One(ResourceTypes.Site);

        // Act
        var rules = site.Node("properties.siteConfig.ipSecurityRestrictions")!.AsArray();
        var scmRules = site.Node("properties.siteConfig.scmIpSecurityRestrictions")!.AsArray();

        // Assert
        Assert.Equal("Deny", site.Text("properties.siteConfig.ipSecurityRestrictionsDefaultAction"));
        var rule = Assert.Single(rules)!;
        Assert.Equal("Allow", rule["action"]!.ToString());
        Assert.Equal("ServiceTag", rule["tag"]!.ToString());
        Assert.Equal("AzureEventGrid", rule["ipAddress"]!.ToString());
        Assert.Equal("Deny", site.Text("properties.siteConfig.scmIpSecurityRestrictionsDefaultAction"));
        Assert.Equal("False", site.Text("properties.siteConfig.scmIpSecurityRestrictionsUseMain"), ignoreCase: true);
        Assert.Empty(scmRules);
    }

    [Theory]
    [MemberData(nameof(PrivateLinkTargets))]
    public void PrivateEndpoint_Target_ExistsWithDnsZoneGroup(
        string environment, string targetType, string groupId, string zoneFragment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var target = snapshot.One(targetType);

        // Act
        var endpoint = Assert.Single(EndpointsTo(snapshot, target.Id, groupId));
        var zoneGroup = Assert.Single(
            snapshot.OfType(ResourceTypes.DnsZoneGroup),
            group => group.Id.StartsWith($"{endpoint.Id}/privateDnsZoneGroups/", StringComparison.Ordinal));
        var zoneIds = ZoneIds(zoneGroup);

        // Assert
        Assert.Contains(zoneIds, zoneId => zoneId.Contains(zoneFragment, StringComparison.Ordinal));
        var declaredZones = snapshot.OfType(ResourceTypes.PrivateDnsZone).Select(zone => zone.Id).ToHashSet();
        Assert.All(zoneIds, zoneId => Assert.Contains(zoneId, declaredZones));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void PrivateEndpoint_EachAiAccount_ExistsWithItsOwnDnsZone(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var accounts = snapshot.OfType(ResourceTypes.CognitiveAccount);
        var expectedZone = new Dictionary<string, string>
        {
            ["FormRecognizer"] = "privatelink.cognitiveservices.azure.com",
            ["OpenAI"] = "privatelink.openai.azure.com",
        };

        // Act
        var zonesByKind = accounts.ToDictionary(
            account => account.Text("kind")!,
            account =>
            {
                var endpoint = Assert.Single(EndpointsTo(snapshot, account.Id, "account"));
                var group = Assert.Single(
                    snapshot.OfType(ResourceTypes.DnsZoneGroup),
                    candidate => candidate.Id.StartsWith($"{endpoint.Id}/", StringComparison.Ordinal));
                return ZoneIds(group);
            });

        // Assert
        Assert.Equal(expectedZone.Keys.Order(), zonesByKind.Keys.Order());
        Assert.All(expectedZone, pair => Assert.Contains(
            zonesByKind[pair.Key], zoneId => zoneId.EndsWith(pair.Value, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void LocalAuthentication_EverySupportingResource_IsDisabled(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);

        // Act
        var storage = snapshot.One(ResourceTypes.StorageAccount);
        var accounts = snapshot.OfType(ResourceTypes.CognitiveAccount);
        var workspace = snapshot.One(ResourceTypes.Workspace);
        var appInsights = snapshot.One(ResourceTypes.AppInsights);
        var credentials = snapshot.OfType(ResourceTypes.BasicPublishingCredentials);

        // Assert
        Assert.Equal("false", storage.Text("properties.allowSharedKeyAccess"), ignoreCase: true);
        Assert.Equal("true", storage.Text("properties.defaultToOAuthAuthentication"), ignoreCase: true);
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, account =>
            Assert.Equal("true", account.Text("properties.disableLocalAuth"), ignoreCase: true));
        Assert.Equal("true", workspace.Text("properties.features.disableLocalAuth"), ignoreCase: true);
        Assert.Equal("true", appInsights.Text("properties.DisableLocalAuth"), ignoreCase: true);
        Assert.Equal(["ftp", "scm"], credentials.Select(policy => policy.Name.Split('/')[^1]).Order());
        Assert.All(credentials, policy =>
            Assert.Equal("false", policy.Text("properties.allow"), ignoreCase: true));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Transport_StorageAndFunctionApp_RequireHttpsAndTls12(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);

        // Act
        var storage = snapshot.One(ResourceTypes.StorageAccount);
        var site = snapshot.One(ResourceTypes.Site);

        // Assert
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
        Assert.Equal("true", storage.Text("properties.supportsHttpsTrafficOnly"), ignoreCase: true);
        Assert.Equal("false", storage.Text("properties.allowBlobPublicAccess"), ignoreCase: true);
        Assert.Equal("true", site.Text("properties.httpsOnly"), ignoreCase: true);
        Assert.Equal("1.2", site.Text("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.Text("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", site.Text("properties.siteConfig.ftpsState"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void KeyVault_Protection_UsesRbacSoftDeleteAndPurgeProtection(string environment)
    {
        // Arrange
        var vault = bicep.SnapshotOf(environment).One(ResourceTypes.KeyVault);

        // Act
        var properties = vault.Properties!;

        // Assert
        Assert.True(properties["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(properties["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(properties["enablePurgeProtection"]!.GetValue<bool>());
        Assert.Equal("Deny", properties["networkAcls"]!["defaultAction"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FunctionApp_Configuration_IsFlexIdentityBasedAndVnetRouted(string environment)
    {
        // Arrange
        var site = bicep.SnapshotOf(environment).One(ResourceTypes.Site);
        var parameters = bicep.ParametersOf(environment);

        // Act
        var settings = site.Node("properties.siteConfig.appSettings")!.AsArray()
            .ToDictionary(setting => setting!["name"]!.ToString(), setting => setting!["value"]!.ToString());

        // Assert
        Assert.Equal("SystemAssigned", site.Text("identity.type"));
        Assert.Equal("true", site.Text("properties.outboundVnetRouting.allTraffic"), ignoreCase: true);
        Assert.Equal("dotnet-isolated", site.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.Text("properties.functionAppConfig.runtime.version"));
        Assert.Equal("SystemAssignedIdentity",
            site.Text("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal(parameters["maximumInstanceCount"]!["value"]!.ToString(),
            site.Text("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        Assert.Equal(parameters["instanceMemoryMB"]!["value"]!.ToString(),
            site.Text("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.All(settings.Values, value =>
        {
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static IEnumerable<PredictedResource> EndpointsTo(Snapshot snapshot, string targetId, string groupId) =>
        snapshot.OfType(ResourceTypes.PrivateEndpoint).Where(endpoint =>
            endpoint.Node("properties.privateLinkServiceConnections")!.AsArray().Any(connection =>
                connection!["properties"]!["privateLinkServiceId"]!.ToString() == targetId
                && connection["properties"]!["groupIds"]!.AsArray().Any(group => group!.ToString() == groupId)));

    private static List<string> ZoneIds(PredictedResource zoneGroup) =>
        zoneGroup.Node("properties.privateDnsZoneConfigs")!.AsArray()
            .Select(config => config!["properties"]!["privateDnsZoneId"]!.ToString())
            .ToList();

    private static IEnumerable<KeyValuePair<string, string>> PublicAccessSettings(string owner, JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key.StartsWith("publicNetworkAccess", StringComparison.OrdinalIgnoreCase))
                {
                    yield return new($"{owner}.{key}", value?.ToString() ?? "(null)");
                }

                foreach (var inner in PublicAccessSettings(owner, value))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in PublicAccessSettings(owner, item))
                {
                    yield return inner;
                }
            }
        }
    }
}
