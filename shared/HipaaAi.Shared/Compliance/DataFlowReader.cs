using System.Text.Json.Nodes;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Derives the PHI data flow from the compiled template (which stores, services and endpoints exist, and whether
/// the app reaches them privately), the app settings (which engines and channels are on) and the code's own
/// contracts (what each store holds, the audit columns, the allow-list, the approval card).
/// </summary>
internal static class DataFlowReader
{
    private const string Senders = "senders";
    private const string StaffSystems = "staff_systems";
    private const string Reviewers = "reviewers";
    private const string Teams = "teams";

    public static DataFlow Read(
        CompiledEnvironment environment,
        IReadOnlyDictionary<string, string?> appSettings,
        RoutingRules routing,
        List<string> findings)
    {
        var safeguards = new SafeguardReader(environment);
        var nodes = new List<FlowNode>();
        var edges = new List<FlowEdge>();
        var app = environment.FirstOf(AzureResourceTypes.Site);
        var appNode = app is null ? "app" : NodeId(app.ShortName);
        var storage = environment.FirstOf(AzureResourceTypes.StorageAccount);
        var storagePrivate = storage is not null && safeguards.IsPrivate(storage);
        var azureEngines = string.Equals(appSettings.GetValueOrDefault("Engines:Mode"), "Azure",
            StringComparison.OrdinalIgnoreCase);

        nodes.Add(new FlowNode(Senders, "Fax servers and scanners", FlowStage.Outside,
            "upload documents into the inbox containers", null));
        nodes.Add(new FlowNode(StaffSystems, "Staff systems (EHR, work queues)", FlowStage.Outside,
            "read records and queue messages with their own identity", null));

        if (app is not null)
        {
            var outbound = app.Text("properties.outboundVnetRouting.allTraffic") == "true"
                ? "all outbound traffic through the VNet" : "outbound traffic not forced through the VNet";
            var engines = azureEngines
                ? "Azure engines (Document Intelligence, Azure OpenAI)"
                : "offline engines on its own instances (Tesseract OCR, ML.NET classifier, rule-based extraction)";
            nodes.Add(new FlowNode(appNode, $"Function app {app.ShortName}", FlowStage.Processed,
                $"runs every workflow with {engines}; {outbound}; Engines:Mode=" +
                (appSettings.GetValueOrDefault("Engines:Mode") ?? "(not set: Local)"), safeguards.IsPrivate(app)));
            nodes.Add(new FlowNode(Reviewers, "Staff deciding approvals", FlowStage.Outside,
                "open signed links or call the decision endpoint", null));
            edges.Add(new FlowEdge(Reviewers, appNode,
                "HTTPS POST /api/approvals/{approvalId}/decision: decision + signed token, no PHI",
                safeguards.IsPrivate(app)));
        }

        foreach (var container in environment.OfType(AzureResourceTypes.Container))
        {
            var name = container.ShortName;
            var role = StoreRoles.ForContainer(name);
            if (role is null)
            {
                findings.Add($"Container {name} is created by the template but no workflow is known to use it.");
                role = new StoreRole(FlowStage.Stored, "unclassified: not known to the code", "unknown");
            }

            if (role.Stage == FlowStage.Outside)
            {
                continue;
            }

            var id = NodeId("container " + name);
            nodes.Add(new FlowNode(id, $"container {name}", role.Stage, $"{role.Holds}; {role.Lifetime}",
                storagePrivate));
            AddContainerEdges(id, name, role, appNode, storagePrivate, edges);
        }

        AddQueues(environment, routing, appNode, storagePrivate, nodes, edges);
        AddEvents(environment, safeguards, appNode, nodes, edges);
        AddAiServices(environment, safeguards, appNode, azureEngines, nodes, edges);
        AddAuditPath(environment, safeguards, appNode, nodes, edges);

        if (appSettings.Keys.Any(key => key.StartsWith("Approvals:TeamsWebhook", StringComparison.OrdinalIgnoreCase)))
        {
            nodes.Add(new FlowNode(Teams, "Microsoft Teams channel", FlowStage.Leaves,
                "approval cards with masked facts only (see the card fields below)", false));
            edges.Add(new FlowEdge(appNode, Teams, "approval card via Teams Workflows webhook (HTTPS)", false));
        }

        return new DataFlow(nodes, edges, CardElements(), SinkRules(), AuditColumns(environment, findings));
    }

    private static void AddContainerEdges(
        string id, string name, StoreRole role, string appNode, bool isPrivate, List<FlowEdge> edges)
    {
        switch (role.Stage)
        {
            case FlowStage.Enters:
                edges.Add(new FlowEdge(Senders, id,
                    isPrivate ? "upload over HTTPS (blob private endpoint)" : "upload over HTTPS (public endpoint)",
                    isPrivate));
                edges.Add(new FlowEdge(id, appNode, "read, then moved to records or quarantine", isPrivate));
                break;
            case FlowStage.Processed:
                edges.Add(new FlowEdge(appNode, id, "page text, fields, summaries (deleted when done)", isPrivate));
                break;
            case FlowStage.Leaves:
                edges.Add(new FlowEdge(appNode, id, "export files", isPrivate));
                edges.Add(new FlowEdge(id, StaffSystems, "picked up by the receiving system", isPrivate));
                break;
            case FlowStage.Logged:
                edges.Add(new FlowEdge(appNode, id, "undelivered audit events (no PHI)", isPrivate));
                break;
            default:
                edges.Add(new FlowEdge(appNode, id, name == StorageNames.Quarantine
                    ? "rejected originals" : "archived originals and record JSON", isPrivate));
                if (name == StorageNames.Records)
                {
                    edges.Add(new FlowEdge(id, StaffSystems, "records read by staff systems", isPrivate));
                }

                break;
        }
    }

    private static void AddQueues(
        CompiledEnvironment environment,
        RoutingRules routing,
        string appNode,
        bool isPrivate,
        List<FlowNode> nodes,
        List<FlowEdge> edges)
    {
        var queues = environment.OfType(AzureResourceTypes.Queue).Select(queue => queue.ShortName).ToList();
        if (queues.Count == 0)
        {
            return;
        }

        foreach (var group in queues.GroupBy(queue => queue == routing.ReviewQueue))
        {
            var role = StoreRoles.ForQueue(group.First(), routing.ReviewQueue);
            var id = NodeId(group.Key ? "review queue" : "staff queues");
            nodes.Add(new FlowNode(id, (group.Key ? "review queue " : "staff queues ") + string.Join(", ", group),
                FlowStage.Leaves, $"{role.Holds}; {role.Lifetime}", isPrivate));
            edges.Add(new FlowEdge(appNode, id, "reference message (record id, blob path)", isPrivate));
            edges.Add(new FlowEdge(id, StaffSystems, "consumed by staff systems", isPrivate));
        }
    }

    private static void AddEvents(
        CompiledEnvironment environment,
        SafeguardReader safeguards,
        string appNode,
        List<FlowNode> nodes,
        List<FlowEdge> edges)
    {
        foreach (var topic in environment.OfType(AzureResourceTypes.EventGridSystemTopic))
        {
            var subscriptions = environment.OfType(AzureResourceTypes.EventSubscription)
                .Where(subscription => subscription.Name.StartsWith(topic.ShortName + "/", StringComparison.Ordinal))
                .ToList();
            var id = NodeId(topic.ShortName);
            nodes.Add(new FlowNode(id, $"Event Grid {topic.ShortName}", FlowStage.Moves,
                $"BlobCreated events (blob URL, no content) for {subscriptions.Count} inbox subscription(s)",
                safeguards.IsPrivate(topic)));
            foreach (var subscription in subscriptions)
            {
                var prefix = subscription.Text("properties.filter.subjectBeginsWith") ?? string.Empty;
                var container = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .SkipWhile(part => part != "containers").Skip(1).FirstOrDefault();
                if (container is not null)
                {
                    edges.Add(new FlowEdge(NodeId("container " + container), id, "BlobCreated event", false));
                }
            }

            if (subscriptions.Count > 0)
            {
                edges.Add(new FlowEdge(id, appNode,
                    "webhook to the app's public endpoint (AzureEventGrid service tag only, system key)", false));
            }
        }
    }

    private static void AddAiServices(
        CompiledEnvironment environment,
        SafeguardReader safeguards,
        string appNode,
        bool azureEngines,
        List<FlowNode> nodes,
        List<FlowEdge> edges)
    {
        foreach (var account in environment.OfType(AzureResourceTypes.CognitiveAccount))
        {
            var kind = account.Text("kind") ?? "AI services";
            var deployments = environment.OfType(AzureResourceTypes.ModelDeployment)
                .Where(deployment => deployment.Name.StartsWith(account.ShortName + "/", StringComparison.Ordinal))
                .Select(deployment => $"{deployment.ShortName}={deployment.Text("properties.model.name")} " +
                    $"{deployment.Text("properties.model.version")}")
                .ToList();
            var what = kind == "FormRecognizer"
                ? "Document Intelligence: page images for OCR and layout"
                : $"Azure OpenAI: document text for classification, extraction and summaries" +
                  (deployments.Count > 0 ? $"; deployments {string.Join(", ", deployments)}" : string.Empty);
            var isPrivate = safeguards.IsPrivate(account);
            var id = NodeId(account.ShortName);
            nodes.Add(new FlowNode(id, $"{kind} {account.ShortName}", FlowStage.Processed,
                $"{what}; nothing stored by the app there; region {account.Text("location")}", isPrivate));
            var path = isPrivate ? " (private endpoint)" : " (public endpoint)";
            edges.Add(new FlowEdge(appNode, id, azureEngines
                ? (kind == "FormRecognizer" ? "page images" : "document text") + path
                : "not called (Engines:Mode is not Azure)", isPrivate));
        }
    }

    private static void AddAuditPath(
        CompiledEnvironment environment,
        SafeguardReader safeguards,
        string appNode,
        List<FlowNode> nodes,
        List<FlowEdge> edges)
    {
        foreach (var endpoint in environment.OfType(AzureResourceTypes.DataCollectionEndpoint))
        {
            var id = NodeId(endpoint.ShortName);
            nodes.Add(new FlowNode(id, $"data collection endpoint {endpoint.ShortName}", FlowStage.Logged,
                "Logs Ingestion API for audit rows (ids and codes, no PHI)", safeguards.IsPrivate(endpoint)));
            edges.Add(new FlowEdge(appNode, id, "audit rows, managed identity", safeguards.IsPrivate(endpoint)));
            foreach (var table in environment.OfType(AzureResourceTypes.WorkspaceTable))
            {
                var tableId = NodeId("table " + table.ShortName);
                nodes.Add(new FlowNode(tableId, $"table {table.ShortName}", FlowStage.Logged,
                    $"{table.Text("properties.retentionInDays")} days interactive, " +
                    $"{table.Text("properties.totalRetentionInDays")} days total; workspace {table.Name.Split('/')[0]}",
                    safeguards.IsPrivate(endpoint)));
                edges.Add(new FlowEdge(id, tableId, "data collection rule stream", true));
            }
        }

        foreach (var insights in environment.OfType(AzureResourceTypes.AppInsights))
        {
            var id = NodeId(insights.ShortName);
            nodes.Add(new FlowNode(id, $"Application Insights {insights.ShortName}", FlowStage.Logged,
                "traces and metrics: ids, counts, sizes, durations (no PHI)", safeguards.IsPrivate(insights)));
            edges.Add(new FlowEdge(appNode, id, "telemetry, Entra auth", safeguards.IsPrivate(insights)));
        }
    }

    /// <summary>Renders a card from placeholder content with the real builder; lists what each element shows.</summary>
    private static List<CardElement> CardElements()
    {
        var content = new ApprovalCardContent(
            "{approvalId}", "{title}", "{workflow}", "{kind}",
            [new ApprovalFact("{fact label}", "{fact value}")],
            0.5, ["{exception code}"], new Uri("https://record.invalid/{record}"),
            [new ApprovalCardAction(ApprovalDecision.Approve, new Uri("https://decide.invalid/{signed-link}"),
                "{token}")],
            "{stage note}", DateTimeOffset.UnixEpoch);
        var card = AdaptiveCardBuilder.Build(content, executeActions: false);
        var elements = new List<CardElement>();
        foreach (var block in card["body"]!.AsArray().OfType<JsonObject>())
        {
            var type = block["type"]!.ToString();
            var shows = type == "FactSet" ? "{fact label}: {fact value}" : Placeholders(block["text"]?.ToString());
            elements.Add(new CardElement(type, shows, LimitOf(shows)));
        }

        foreach (var action in card["actions"]!.AsArray().OfType<JsonObject>())
        {
            elements.Add(new CardElement(action["type"]!.ToString(),
                $"button \"{action["title"]}\" opening {Uri.UnescapeDataString(action["url"]!.ToString())}",
                "a link, no data"));
        }

        return elements;
    }

    // The probe's sample time and confidence stand for values every card fills in.
    private static string Placeholders(string? text) =>
        (text ?? string.Empty)
            .Replace("1970-01-01 00:00 UTC", "{decide-by, UTC}", StringComparison.Ordinal)
            .Replace("Confidence: 50 %", "Confidence: {percent}", StringComparison.Ordinal);

    private static string LimitOf(string shows) => shows switch
    {
        _ when shows.Contains("{title}", StringComparison.Ordinal) =>
            $"at most {AdaptiveCardBuilder.MaxTitleLength} characters",
        _ when shows.Contains("{fact", StringComparison.Ordinal) =>
            $"at most {AdaptiveCardBuilder.MaxFacts} facts, labels {AdaptiveCardBuilder.MaxLabelLength} and values " +
            $"{AdaptiveCardBuilder.MaxValueLength} characters, masked by the caller (PhiMask: initials, birth year, " +
            "last four characters of an identifier)",
        _ when shows.Contains("{exception code}", StringComparison.Ordinal) =>
            $"at most {AdaptiveCardBuilder.MaxExceptions} content-free codes of " +
            $"{AdaptiveCardBuilder.MaxExceptionLength} characters",
        _ => "fixed text or metadata",
    };

    private static List<SinkRule> SinkRules() =>
        Enum.GetValues<PhiSink>()
            .Select(sink => new SinkRule(sink.ToString(),
                PhiAllowList.FieldsFor(sink) is { Count: > 0 } fields ? string.Join(", ", fields) : "none"))
            .ToList();

    private static List<AuditColumnRow> AuditColumns(CompiledEnvironment environment, List<string> findings)
    {
        var table = environment.FirstOf(AzureResourceTypes.WorkspaceTable);
        var declared = (table?.Node("properties.schema.columns") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var written = AuditTableSchema.Columns.Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        var rows = declared.Select(column => new AuditColumnRow(
                column["name"]!.ToString(),
                column["type"]!.ToString(),
                column["description"]?.ToString() ?? string.Empty,
                written.Contains(column["name"]!.ToString())))
            .ToList();
        foreach (var missing in written.Except(rows.Select(row => row.Name), StringComparer.Ordinal))
        {
            findings.Add($"The code writes audit column {missing} but the template's tables do not declare it.");
        }

        return rows;
    }

    public static string NodeId(string name) =>
        new(name.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '_').ToArray());
}
