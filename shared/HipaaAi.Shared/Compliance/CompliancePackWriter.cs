using System.Globalization;
using System.Text;
using HipaaAi.Shared.Audit;

namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Writes a <see cref="CompliancePack"/> as a folder: an index README.md, one Markdown file per section, the CSV
/// of every table, the Graphviz source of the data flow and its PNG rendering.
/// </summary>
public sealed class CompliancePackWriter(GraphvizRenderer graphviz)
{
    public const string Index = "README.md";
    public const string DataFlowFile = "1-phi-data-flow.md";
    public const string SafeguardsFile = "2-safeguards.md";
    public const string AccessFile = "3-access-controls.md";
    public const string SubprocessorsFile = "4-subprocessors.md";
    public const string RetentionFile = "5-retention.md";
    public const string ActivityFile = "6-activity.md";
    public const string DotFile = "data-flow.dot";
    public const string ImageFile = "data-flow.png";

    /// <summary>Writes the pack into <paramref name="folder"/>, created if needed; returns the files.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        CompliancePack pack,
        string folder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await graphviz.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(folder);

        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DotFile] = DotWriter.Write(pack),
        };
        AddSection(files, DataFlowFile, "PHI data flow", DataFlowSection(pack));
        AddSection(files, SafeguardsFile, "Safeguards", SafeguardSection(pack));
        AddSection(files, AccessFile, "Access controls", AccessSection(pack));
        AddSection(files, SubprocessorsFile, "Subprocessors", SubprocessorSection(pack));
        AddSection(files, RetentionFile, "Retention", RetentionSection(pack));
        AddSection(files, ActivityFile, "Activity evidence", ActivitySection(pack));

        foreach (var (name, content) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), content, new UTF8Encoding(false),
                cancellationToken).ConfigureAwait(false);
        }

        await graphviz.RenderPngAsync(Path.Combine(folder, DotFile), Path.Combine(folder, ImageFile), cancellationToken)
            .ConfigureAwait(false);

        var written = files.Keys.Append(ImageFile).Order(StringComparer.Ordinal).ToList();
        var index = IndexOf(pack, written.Select(name => new SourceFile(name,
            BicepCompiler.Sha256Of(Path.Combine(folder, name)))).ToList());
        await File.WriteAllTextAsync(Path.Combine(folder, Index), index, new UTF8Encoding(false), cancellationToken)
            .ConfigureAwait(false);
        return written.Prepend(Index).ToList();
    }

    private static void AddSection(Dictionary<string, string> files, string name, string title,
        (string Markdown, IReadOnlyList<PackTable> Tables) section)
    {
        files[name] = $"# {title}\n\n{section.Markdown}".ReplaceLineEndings("\n");
        foreach (var table in section.Tables)
        {
            files[table.CsvFile] = table.ToCsv();
        }
    }

    private static (string, IReadOnlyList<PackTable>) DataFlowSection(CompliancePack pack)
    {
        var flow = pack.DataFlow;
        var md = new StringBuilder();
        md.AppendLine($"![PHI data flow]({ImageFile})");
        md.AppendLine();
        md.AppendLine("Derived from the compiled template and the app settings; the Graphviz source is " +
            $"[{DotFile}]({DotFile}). Green: reached only through a private endpoint or the VNet. Dashed red: any " +
            "other path.");
        md.AppendLine();

        var nodes = PackTable.Of("data-flow-nodes.csv", flow.Nodes,
            ("stage", n => DotWriter.StageTitle(n.Stage)), ("place", n => n.Label),
            ("private", n => n.Private is null ? "n/a" : n.Private.Value ? "yes" : "no"),
            ("what and how long", n => n.Detail));
        var edges = PackTable.Of("data-flow-edges.csv", flow.Edges,
            ("from", e => LabelOf(flow, e.From)), ("to", e => LabelOf(flow, e.To)), ("what travels", e => e.Label),
            ("private path", e => e.Private));
        md.AppendLine("## Places, by stage").AppendLine().Append(nodes.ToMarkdown()).AppendLine();
        md.AppendLine("## Paths").AppendLine().Append(edges.ToMarkdown()).AppendLine();

        var columns = PackTable.Of("audit-columns.csv", flow.AuditColumns,
            ("column", c => c.Name), ("type", c => c.Type), ("written by the code", c => c.WrittenByCode),
            ("meaning", c => c.Description));
        md.AppendLine("## Where it is logged: audit table columns").AppendLine();
        md.AppendLine("Every workflow's audit table has these columns (declared by the template from " +
            "`docs/audit-table-schema.json`, written by `AuditTableSchema`). None holds PHI: subjects are document " +
            "ids or keyed pseudonyms, details are codes.");
        md.AppendLine().Append(columns.ToMarkdown()).AppendLine();

        var sinks = PackTable.Of("phi-allow-list.csv", flow.SinkRules,
            ("sink", s => s.Sink), ("PHI fields allowed (PhiAllowList)", s => s.AllowedPhiFields));
        md.AppendLine("## PHI allowed per sink").AppendLine().Append(sinks.ToMarkdown()).AppendLine();

        var card = PackTable.Of("teams-card-fields.csv", flow.CardElements,
            ("element", c => c.Element), ("shows", c => c.Shows), ("limit", c => c.Limit));
        md.AppendLine("## Where it leaves: the approval card (minimum necessary)").AppendLine();
        md.AppendLine("Rendered by `AdaptiveCardBuilder` from placeholder content, so this is exactly what a card " +
            "can carry. Facts are masked by the calling workflow; the card never holds document text.");
        md.AppendLine().Append(card.ToMarkdown());
        return (md.ToString(), [nodes, edges, columns, sinks, card]);
    }

    private static (string, IReadOnlyList<PackTable>) SafeguardSection(CompliancePack pack)
    {
        var rows = PackTable.Of("safeguards.csv", pack.Safeguards,
            ("resource", r => r.Resource), ("type", r => r.Type), ("encryption at rest", r => r.EncryptionAtRest),
            ("in transit", r => r.InTransit), ("network exposure", r => r.PublicNetworkAccess),
            ("private endpoints", r => r.PrivateEndpoints), ("authentication", r => r.Authentication),
            ("lock", r => r.Lock), ("diagnostics", r => r.Diagnostics));
        var endpoints = PackTable.Of("private-endpoints.csv", pack.PrivateEndpoints,
            ("private endpoint", e => e.Endpoint), ("target", e => e.Target), ("target type", e => e.TargetType),
            ("sub-resources", e => e.GroupIds));
        var md = new StringBuilder();
        md.AppendLine("Every top-level resource of the compiled template with the settings it declares. " +
            "\"not set in the template\" means the service default applies and nothing in this environment pins it.");
        md.AppendLine().Append(rows.ToMarkdown()).AppendLine();
        md.AppendLine("## Private endpoints").AppendLine().Append(endpoints.ToMarkdown());
        return (md.ToString(), [rows, endpoints]);
    }

    private static (string, IReadOnlyList<PackTable>) AccessSection(CompliancePack pack)
    {
        var roles = PackTable.Of("role-assignments.csv", pack.RoleAssignments,
            ("principal", r => r.Principal), ("principal type", r => r.PrincipalType), ("role", r => r.Role),
            ("role definition id", r => r.RoleDefinitionId), ("scope", r => r.Scope), ("scope type", r => r.ScopeType));
        var approvals = PackTable.Of("approval-roles.csv", pack.ApprovalRoles,
            ("workflow", a => a.Workflow), ("approval kind", a => a.ApprovalKind),
            ("roles that may decide", a => a.Roles), ("source", a => a.Source));
        var md = new StringBuilder();
        md.AppendLine("## Azure role assignments in the template").AppendLine();
        md.AppendLine("Role names come from the built-in role ids (the same in every tenant). Assignments made " +
            "outside the template (in the portal, by other templates) are not visible here.");
        md.AppendLine().Append(roles.ToMarkdown()).AppendLine();
        md.AppendLine("## Who may decide approvals").AppendLine();
        md.AppendLine("From `Approvals:DeciderRoles` in the configuration listed in the index. The decision endpoint " +
            "refuses (403, audited) anyone without one of these roles.");
        md.AppendLine().Append(approvals.ToMarkdown());
        return (md.ToString(), [roles, approvals]);
    }

    private static (string, IReadOnlyList<PackTable>) SubprocessorSection(CompliancePack pack)
    {
        var services = PackTable.Of("subprocessors.csv", pack.Subprocessors,
            ("service", s => s.Service), ("region", s => s.Region), ("resources or settings", s => s.Resources));
        var models = PackTable.Of("model-deployments.csv", pack.ModelDeployments,
            ("account", m => m.Account), ("deployment", m => m.Deployment), ("model", m => m.Model),
            ("version", m => m.Version), ("sku", m => m.Sku), ("capacity (k tokens/min)", m => m.Capacity),
            ("used for", m => m.UsedFor));
        var md = new StringBuilder();
        md.AppendLine("The services that process or hold data for this environment, from the template's resource " +
            "providers and app settings. Microsoft is the business associate for all Azure and Microsoft 365 " +
            "services listed; the BAA must cover each.");
        md.AppendLine().Append(services.ToMarkdown()).AppendLine();
        md.AppendLine("## Model deployments").AppendLine().Append(models.ToMarkdown());
        return (md.ToString(), [services, models]);
    }

    private static (string, IReadOnlyList<PackTable>) RetentionSection(CompliancePack pack)
    {
        var audit = PackTable.Of("audit-retention.csv", pack.AuditRetention,
            ("workflow", r => r.Workflow), ("table", r => r.Table),
            ("interactive days (parameters)", r => r.ParameterInteractiveDays),
            ("total days (parameters)", r => r.ParameterTotalDays),
            ("interactive days (table)", r => r.TableInteractiveDays), ("total days (table)", r => r.TableTotalDays),
            ("interactive days (app)", r => r.AppInteractiveDays), ("total days (app)", r => r.AppTotalDays),
            ("consistent", r => r.Consistent));
        var storage = PackTable.Of("storage-retention.csv", pack.StorageRetention,
            ("store", s => s.Store), ("setting", s => s.Setting), ("value", s => s.Value),
            ("at the end", s => s.AtTheEnd));
        var md = new StringBuilder();
        md.AppendLine("## Audit trail, per workflow").AppendLine();
        md.AppendLine("Rows are queryable for the interactive days, then kept in the long-term tier until the total; " +
            "Log Analytics then removes them. HIPAA documentation must be kept six years (2190 days, " +
            "45 CFR 164.316(b)(2)); the app refuses to start below that.");
        md.AppendLine().Append(audit.ToMarkdown()).AppendLine();
        md.AppendLine("## Documents and other stores").AppendLine().Append(storage.ToMarkdown());
        return (md.ToString(), [audit, storage]);
    }

    private static (string, IReadOnlyList<PackTable>) ActivitySection(CompliancePack pack)
    {
        var counts = PackTable.Of("activity.csv", pack.Activity,
            ("workflow", a => a.Workflow), ("audit events", a => a.Events), ("documents", a => a.Documents),
            ("model calls", a => a.ModelCalls), ("human decisions", a => a.HumanDecisions),
            ("refused decisions", a => a.DecisionRefusals), ("record accesses", a => a.RecordAccesses),
            ("quarantines", a => a.Quarantines), ("failures", a => a.Failures));
        var chains = PackTable.Of("audit-chain.csv", pack.ChainVerifications,
            ("workflow", v => v.Workflow), ("intact", v => v.IsIntact), ("records verified", v => v.RecordsVerified),
            ("first broken sequence", v => v.FirstBrokenSequence), ("problem", v => v.Problem),
            ("segment", v => v.Segment), ("line", v => v.Line));
        var instances = PackTable.Of("instances.csv",
            pack.Activity.SelectMany(a => a.Instances.Select(i => (a.Workflow, Instance: i))),
            ("workflow", x => x.Workflow), ("instance id", x => x.Instance.InstanceId),
            ("first event", x => x.Instance.First), ("last event", x => x.Instance.Last),
            ("events", x => x.Instance.Events),
            ("model calls", x => x.Instance.ModelCalls), ("quarantines", x => x.Instance.Quarantines),
            ("failures", x => x.Instance.Failures));
        var md = new StringBuilder();
        md.AppendLine($"Period: {Period(pack.Period)}. Source: the local audit trail at `{pack.AuditRoot}` " +
            "(the hash-chained copy the app writes on the embedded default). Counts and opaque ids only.");
        md.AppendLine();
        md.AppendLine("Documents are started orchestrations; model calls are `model.call` events; human decisions " +
            "are `approval.decided` events; record accesses are `record.*` events; quarantines and failures are " +
            "events with those outcomes (a failure is one failed attempt, retried or not).");
        md.AppendLine().Append(counts.ToMarkdown()).AppendLine();
        md.AppendLine("## Audit chain verification").AppendLine();
        md.AppendLine("Each workflow's whole chain (not only the period) recomputed hash by hash at generation time.");
        md.AppendLine().Append(chains.ToMarkdown()).AppendLine();
        var instanceCount = pack.Activity.Sum(a => a.Instances.Count);
        md.AppendLine($"Per-instance counts: [instances.csv](instances.csv) ({instanceCount} instances).");
        return (md.ToString(), [counts, chains, instances]);
    }

    private static string IndexOf(CompliancePack pack, IReadOnlyList<SourceFile> written)
    {
        var sources = pack.Sources;
        var md = new StringBuilder();
        md.AppendLine($"# HIPAA compliance evidence: {pack.EnvironmentName}");
        md.AppendLine();
        md.AppendLine($"Generated {Time(pack.GeneratedAt)} by `./hipaa compliance` from the sources below; nothing " +
            "in this folder was written by hand. Audit period: " + Period(pack.Period) + ".");
        md.AppendLine();
        md.AppendLine("| section | file |").AppendLine("|---|---|");
        (string Title, string File)[] sections =
        [
            ("PHI data flow (diagram, places, paths, audit fields, card fields)", DataFlowFile),
            ("Safeguards: encryption, transport, exposure, authentication, locks", SafeguardsFile),
            ("Access controls: role assignments, approval roles", AccessFile),
            ("Subprocessors and model deployments", SubprocessorsFile),
            ("Retention", RetentionFile),
            ("Activity evidence and audit chain verification", ActivityFile),
        ];
        foreach (var (title, file) in sections)
        {
            md.AppendLine($"| {title} | [{file}]({file}) |");
        }
        md.AppendLine();

        md.AppendLine("## Findings").AppendLine();
        if (pack.Findings.Count == 0)
        {
            md.AppendLine("None: every source agrees and every check passed.");
        }

        foreach (var finding in pack.Findings)
        {
            md.AppendLine($"- {finding}");
        }

        md.AppendLine();
        md.AppendLine("## Sources").AppendLine();
        md.AppendLine("| source | value | SHA-256 |").AppendLine("|---|---|---|");
        md.AppendLine($"| parameter file | `{sources.ParameterFile}` | `{sources.ParameterFileSha256}` |");
        md.AppendLine($"| template | `{sources.TemplateFile}` | `{sources.TemplateFileSha256}` |");
        md.AppendLine($"| compiled ARM template (covers every module and loaded file) | {sources.BicepVersion} " +
            $"| `{sources.CompiledTemplateSha256}` |");
        foreach (var file in sources.TemplateFiles.Skip(1))
        {
            md.AppendLine($"| template file | `{file.Path}` | `{file.Sha256}` |");
        }

        foreach (var file in pack.ConfigurationFiles)
        {
            md.AppendLine($"| configuration | `{file.Path}` | `{file.Sha256}` |");
        }

        foreach (var (name, value) in sources.EnvironmentVariables)
        {
            var shown = value ?? "(unset: default)";
            md.AppendLine($"| environment variable the parameters read | `{name}` = `{shown}` | |");
        }

        var context = sources.Context;
        var placeholder = context.IsPlaceholder
            ? " (placeholders: resource names with a unique suffix differ in the real subscription)"
            : string.Empty;
        md.AppendLine($"| deployment scope | subscription `{context.SubscriptionId}`, resource group " +
            $"`{context.ResourceGroup}`, location `{context.Location}`{placeholder} | |");
        md.AppendLine($"| audit trail | `{pack.AuditRoot}`, {Period(pack.Period)} | |");
        md.AppendLine();
        md.AppendLine("The app settings of the function app in the compiled template are the environment's " +
            "configuration; the configuration files above are layered on top of them, in that order.");
        md.AppendLine();
        md.AppendLine("## Files in this pack").AppendLine();
        md.AppendLine("| file | SHA-256 |").AppendLine("|---|---|");
        foreach (var file in written)
        {
            md.AppendLine($"| [{file.Path}]({file.Path}) | `{file.Sha256}` |");
        }

        return md.ToString().ReplaceLineEndings("\n");
    }

    private static string LabelOf(DataFlow flow, string id) =>
        flow.Nodes.FirstOrDefault(node => node.Id == id)?.Label ?? id;

    private static string Period(EvidencePeriod period) =>
        (period.Since is { } since ? $"from {Time(since)}" : "from the start of the trail") +
        $" to {Time(period.Until)}";

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
