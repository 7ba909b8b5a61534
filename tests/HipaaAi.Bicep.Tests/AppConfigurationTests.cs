using System.Reflection;
using System.Text.Json.Nodes;
using HipaaAi.Functions.Dictation;
using HipaaAi.Functions.BillingReview;
using HipaaAi.Functions.RecordsIntake;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace HipaaAi.Bicep.Tests;

/// <summary>
/// The templates configure the app exactly as the code reads its configuration: every name is taken from the code's
/// own constants, options types and function bindings, so a rename on either side fails here.
/// </summary>
[Collection(BicepTemplates.Name)]
public sealed class AppConfigurationTests(BicepFixture bicep)
{
    private const string KeyVaultReference = "[format('@Microsoft.KeyVault(SecretUri=";

    private const string WebhookFormat =
        "[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', ";

    /// <summary>Sections the code binds to an options type; a setting under one must name a property.</summary>
    private static readonly (string Section, Type Options)[] BoundSections =
    [
        (AzureAiOptions.SectionName, typeof(AzureAiOptions)),
        (LogsIngestionOptions.SectionName, typeof(LogsIngestionOptions)),
        (AuditOutboxOptions.SectionName, typeof(AuditOutboxOptions)),
        (AuditRetentionOptions.SectionName, typeof(AuditRetentionOptions)),
        (PhiProtectionOptions.SectionName, typeof(PhiProtectionOptions)),
        (IntakeOptions.Section, typeof(IntakeOptions)),
        (ApprovalOptions.Section, typeof(ApprovalOptions)),
    ];

    /// <summary>Settings read as plain keys, not bound to an options type.</summary>
    private static readonly string[] PlainKeys =
    [
        "Engines:Mode", // ProductServiceCollectionExtensions.AddHipaaAiProduct
        "Audit:Sink", // ProductServiceCollectionExtensions.AddHipaaAiProduct
        "ServiceIdentity", // WorkflowServiceCollectionExtensions.AddHipaaAiWorkflows
        "APPLICATIONINSIGHTS_CONNECTION_STRING", // functions/HipaaAi.Functions/Program.cs
    ];

    /// <summary>Connections the Functions host and StorageClients read as sections of identity settings.</summary>
    private static readonly string[] ConnectionSections = ["AzureWebJobsStorage", StorageNames.Connection];

    /// <summary>Read by the Functions host itself (Entra sign-in of its own telemetry), not by the app code.</summary>
    private static readonly string[] HostKeys = ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>
    /// Written for features the code does not read yet (Teams approvals, dictation), under the sections it will use.
    /// When the code starts reading one, move it to the bound or plain lists above.
    /// </summary>
    private static readonly string[] NotReadYet = ["AzureAi:TranscriptionDeployment"];

    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    /// <summary>The settings without which the app does not start, or starts in the wrong mode, in Azure.</summary>
    public static IEnumerable<string> RequiredInAzure()
    {
        // ProductServiceCollectionExtensions: the Azure engines and audit sink; the defaults are the local ones.
        yield return "Engines:Mode";
        yield return "Audit:Sink";

        // AzureAiOptionsValidator: TLS endpoints, and a chat deployment whenever the OpenAI endpoint is set.
        yield return $"{AzureAiOptions.SectionName}:{nameof(AzureAiOptions.DocumentIntelligenceEndpoint)}";
        yield return $"{AzureAiOptions.SectionName}:{nameof(AzureAiOptions.OpenAiEndpoint)}";
        yield return $"{AzureAiOptions.SectionName}:{nameof(AzureAiOptions.ChatDeployment)}";

        // LogsIngestionOptions.Validate: both are required at start-up.
        yield return $"{LogsIngestionOptions.SectionName}:{nameof(LogsIngestionOptions.Endpoint)}";
        yield return $"{LogsIngestionOptions.SectionName}:{nameof(LogsIngestionOptions.DataCollectionRuleId)}";

        // AuditServiceCollectionExtensions.AddAzureAudit: a blob outbox, because Flex instances have no lasting disk.
        yield return $"{AuditOutboxOptions.SectionName}:{nameof(AuditOutboxOptions.BlobContainerUri)}";

        // PhiServiceCollectionExtensions.AddPhiProtection: the host fails at start without the pseudonym key.
        yield return PhiProtectionOptions.PseudonymKeySetting;

        // StorageClients: blob and queue URIs of the connection; the blob triggers use the same connection.
        yield return $"{StorageNames.Connection}:blobServiceUri";
        yield return $"{StorageNames.Connection}:queueServiceUri";
        yield return $"{StorageNames.Connection}:credential";

        // WorkflowServiceCollectionExtensions: the actor of the app's own audit events.
        yield return "ServiceIdentity";

        // AuditRetentionOptions: the app's policy per workflow, so it agrees with each table's retention.
        foreach (var workflow in AuditTables.Workflows)
        {
            var section = $"{AuditRetentionOptions.SectionName}:{workflow}";
            yield return $"{section}:{nameof(WorkflowRetentionOptions.InteractiveDays)}";
            yield return $"{section}:{nameof(WorkflowRetentionOptions.TotalDays)}";
        }

        // Program.cs: operational telemetry; the Durable Functions state lives in the host storage connection.
        yield return "APPLICATIONINSIGHTS_CONNECTION_STRING";
        yield return "AzureWebJobsStorage:blobServiceUri";
        yield return "AzureWebJobsStorage:queueServiceUri";
        yield return "AzureWebJobsStorage:tableServiceUri";
        yield return "AzureWebJobsStorage:credential";
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppSettings_AzureMode_ContainEveryKeyTheCodeRequires(string environment)
    {
        // Arrange
        var settings = AppSettingsOf(environment);

        // Act
        var missing = RequiredInAzure().Select(EnvironmentName).Where(name => !settings.ContainsKey(name)).ToList();

        // Assert
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppSettings_EveryName_IsOneTheCodeOrTheHostReads(string environment)
    {
        // Arrange
        var settings = AppSettingsOf(environment);

        // Act
        var unknown = settings.Keys.Where(name => !IsRead(ConfigurationKey(name))).ToList();

        // Assert
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppSettings_Modes_SelectAzureEnginesLogsIngestionAndManagedIdentity(string environment)
    {
        // Arrange
        var settings = AppSettingsOf(environment);
        string[] names =
        [
            "Engines__Mode", "Audit__Sink", $"{StorageNames.Connection}__credential", "AzureWebJobsStorage__credential",
        ];
        string[] expected = ["Azure", "LogsIngestion", "managedidentity", "managedidentity"];

        // Act
        var modes = names.Select(name => settings[name]);

        // Assert
        Assert.Equal(expected, modes);
        Assert.DoesNotContain(StorageNames.Connection, settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppSettings_Secrets_AreKeyVaultReferencesAndNothingElseIs(string environment)
    {
        // Arrange
        var settings = AppSettingsOf(environment);
        var groups = bicep.ParametersOf(environment)["approverGroups"]!["value"]!.AsArray()
            .Select(group => group!.ToString());
        string[] secrets =
        [
            "Phi__PseudonymKey", "Approvals__LinkSigningKey",
            .. groups.Select(group => $"Approvals__TeamsWebhooks__{group}"),
        ];

        // Act
        var references = settings
            .Where(setting => setting.Value.StartsWith(KeyVaultReference, StringComparison.Ordinal))
            .Select(setting => setting.Key);

        // Assert
        Assert.Equal(secrets.Order(), references.Order());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AppSettings_AuditRetention_EqualsTheTablesAndPassesTheCodeValidation(string environment)
    {
        // Arrange
        var settings = AppSettingsOf(environment);
        var retention = bicep.ParametersOf(environment)["auditRetention"]!["value"]!;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings
                .Where(setting => setting.Key.StartsWith("Audit__Retention__", StringComparison.Ordinal))
                .Select(setting => KeyValuePair.Create(ConfigurationKey(setting.Key), (string?)setting.Value)))
            .Build();

        // Act
        var options = configuration.GetSection(AuditRetentionOptions.SectionName).Get<AuditRetentionOptions>()!;

        // Assert
        Assert.Empty(options.Validate());
        Assert.All(AuditTables.Workflows, workflow =>
        {
            var policy = options.For(workflow);
            Assert.Equal(retention[workflow.ToString()]!["retentionInDays"]!.GetValue<int>(), policy.InteractiveDays);
            Assert.Equal(retention[workflow.ToString()]!["totalRetentionInDays"]!.GetValue<int>(), policy.TotalDays);
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditTables_Schema_EqualTheCodeSchemaForEveryWorkflow(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var expectedColumns = AuditTableSchema.Columns.Select(column => (column.Name, column.Type)).ToList();
        var expectedTables = AuditTables.Workflows.Select(AuditTables.TableFor).Order().ToList();

        // Act
        var tables = snapshot.OfType(ResourceTypes.WorkspaceTable)
            .ToDictionary(
                table => table.Name.Split('/')[^1], table => Columns(table.Node("properties.schema.columns")));
        var streams = snapshot.One(ResourceTypes.DataCollectionRule).Node("properties.streamDeclarations")!.AsObject()
            .ToDictionary(stream => stream.Key, stream => Columns(stream.Value!["columns"]));

        // Assert
        Assert.Equal(expectedTables, tables.Keys.Order());
        Assert.Equal(AuditTables.Workflows.Select(AuditTables.StreamFor).Order(), streams.Keys.Order());
        Assert.All(tables.Values, columns => Assert.Equal(expectedColumns, columns));
        Assert.All(streams.Values, columns => Assert.Equal(expectedColumns, columns));
    }

    [Fact]
    public void AuditSchemaDocument_TheTemplatesLoad_IsTheOneTheCodeGenerates()
    {
        // Arrange
        var path = Path.Combine(BicepCli.RepositoryFolder, "docs", "audit-table-schema.json");

        // Act
        var documented = File.ReadAllText(path).ReplaceLineEndings("\n");

        // Assert
        Assert.Equal(AuditTableSchema.ToSchemaJson(), documented);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Queues_Names_AreTheRoutedQueuesAndThoseOfPriorAuthorizationAndBilling(string environment)
    {
        // Arrange
        var rules = RoutingRules.Load(Path.Combine(BicepCli.RepositoryFolder,
            "shared", "HipaaAi.Shared", "Understanding", "Config", RoutingRules.DefaultFileName));
        var routed = Enum.GetValues<DocumentType>().Select(rules.QueueFor)
            .Append(rules.DefaultQueue)
            .Append(rules.ReviewQueue)
            .Concat(HipaaAi.Orchestrations.PriorAuthorization.Trigger.PriorAuthQueues.All)
            .Concat(BillingQueues.All)
            .Distinct()
            .Order();

        // Act
        var queues = bicep.SnapshotOf(environment).OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(queue => queue.Name.Split('/')[^1])
            .Order();

        // Assert
        Assert.Equal(routed, queues);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Containers_Names_IncludeEveryContainerTheCodeUsesAndTheAuditOutbox(string environment)
    {
        // Arrange
        var snapshot = bicep.SnapshotOf(environment);
        var outbox = AppSettingsOf(environment)["Audit__Outbox__BlobContainerUri"];

        // Act
        var containers = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(container => container.Name.Split('/')[^1])
            .ToList();

        // Assert
        Assert.Empty(StorageNames.AllContainers.Except(containers));
        Assert.EndsWith(", 'audit-outbox')]", outbox, StringComparison.Ordinal);
        Assert.Contains("audit-outbox", containers);
        Assert.Contains(".primaryEndpoints.blob", outbox, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EventSubscriptions_EveryEventGridBlobTrigger_HasOneForItsContainerAndFunction(string environment)
    {
        // Arrange
        var triggers = EventGridBlobTriggers();
        (string Function, string Container)[] expected =
        [
            (BillingReviewFunctions.ClaimsInboxTrigger, StorageNames.ClaimsInbox),
            (DictationFunctions.InboxTrigger, StorageNames.DictationInbox),
            (RecordsIntakeFunctions.FaxInboxTrigger, StorageNames.FaxInbox),
            (RecordsIntakeFunctions.ScanInboxTrigger, StorageNames.ScanInbox),
        ];
        var subscriptions = bicep.SnapshotOf(environment)
            .OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        // Act
        var targets = subscriptions.Select(subscription => (
                Subject: subscription.Text("properties.filter.subjectBeginsWith")!,
                Url: subscription.Text("properties.destination.properties.endpointUrl")!))
            .ToList();

        // Assert
        Assert.Equal(expected, triggers.Select(trigger => (trigger.Function, trigger.Container)).Order());
        Assert.All(triggers, trigger => Assert.Equal(StorageNames.Connection, trigger.Connection));
        Assert.Equal(triggers.Count, targets.Count);
        Assert.All(triggers, trigger =>
        {
            var target = Assert.Single(targets, target =>
                target.Subject == $"/blobServices/default/containers/{trigger.Container}/");
            Assert.StartsWith(WebhookFormat, target.Url, StringComparison.Ordinal);
            Assert.Contains($".defaultHostName, '{trigger.Function}', listKeys(", target.Url, StringComparison.Ordinal);
        });
    }

    /// <summary>The blob triggers of the app that Event Grid must feed, read from their bindings.</summary>
    private static List<(string Function, string Container, string? Connection)> EventGridBlobTriggers() =>
        typeof(RecordsIntakeFunctions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => (
                Function: method.GetCustomAttribute<FunctionAttribute>()?.Name,
                Trigger: method.GetParameters()
                    .Select(parameter => parameter.GetCustomAttribute<BlobTriggerAttribute>())
                    .SingleOrDefault(trigger => trigger is not null)))
            .Where(pair => pair.Function is not null && pair.Trigger?.Source == BlobTriggerSource.EventGrid)
            .Select(pair => (pair.Function!, pair.Trigger!.BlobPath.Split('/')[0], pair.Trigger.Connection))
            .ToList();

    private static List<(string Name, string Type)> Columns(JsonNode? columns) =>
        columns!.AsArray().Select(column => (column!["name"]!.ToString(), column["type"]!.ToString())).ToList();

    private static string EnvironmentName(string configurationKey) => configurationKey.Replace(":", "__");

    private static string ConfigurationKey(string environmentName) => environmentName.Replace("__", ":");

    private static bool IsRead(string key) =>
        PlainKeys.Contains(key)
        || HostKeys.Contains(key)
        || NotReadYet.Contains(key)
        || ConnectionSections.Any(section => key.StartsWith(section + ":", StringComparison.Ordinal))
        || BoundSections.Any(bound => key.StartsWith(bound.Section + ":", StringComparison.Ordinal)
            && IsBindable(bound.Options, key[(bound.Section.Length + 1)..].Split(':')));

    /// <summary>
    /// Whether a configuration path below a section names a settable property, as the binder walks: a property by
    /// name, a dictionary entry by any key, a list element by its index.
    /// </summary>
    private static bool IsBindable(Type options, IEnumerable<string> path)
    {
        var type = options;
        var walked = false;
        foreach (var part in path)
        {
            if (walked && IsLeaf(type))
            {
                return false;
            }

            if (GenericArgument(type, typeof(Dictionary<,>), 1) is { } valueType)
            {
                type = valueType;
            }
            else if (GenericArgument(type, typeof(List<>), 0) is { } elementType)
            {
                if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return false;
                }

                type = elementType;
            }
            else
            {
                var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
                if (property is null || !property.CanWrite)
                {
                    return false;
                }

                type = property.PropertyType;
            }

            walked = true;
        }

        return walked && IsLeaf(type);
    }

    private static Type? GenericArgument(Type type, Type definition, int index) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[index] : null;

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum
            || underlying == typeof(string) || underlying == typeof(Uri) || underlying == typeof(TimeSpan)
            || underlying == typeof(decimal);
    }

    private Dictionary<string, string> AppSettingsOf(string environment) =>
        bicep.SnapshotOf(environment).One(ResourceTypes.Site).Node("properties.siteConfig.appSettings")!.AsArray()
            .ToDictionary(setting => setting!["name"]!.ToString(), setting => setting!["value"]!.ToString());
}
