using System.Globalization;
using System.Text.Json.Nodes;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;

namespace HipaaAi.Shared.Compliance;

/// <summary>What the pack is built from, besides the compiled template and the audit trail.</summary>
public sealed record PackInputs(
    IConfiguration Configuration,
    IReadOnlyList<SourceFile> ConfigurationFiles,
    RoutingRules Routing,
    string AuditRoot,
    DateTimeOffset? Since,
    DateTimeOffset Until);

/// <summary>
/// Turns a compiled environment, the application configuration and the local audit trail into a
/// <see cref="CompliancePack"/>. Every statement comes from one of those sources; where they disagree or something is
/// missing, the pack says so under findings rather than filling a gap.
/// </summary>
public sealed class CompliancePackBuilder(AuditTrailReader auditReader, TimeProvider time)
{
    /// <summary>The approval kinds the product knows and the workflow each belongs to.</summary>
    public static IReadOnlyDictionary<string, Workflow> ApprovalKindWorkflows { get; } =
        new Dictionary<string, Workflow>(StringComparer.Ordinal)
        {
            [ApprovalKinds.RecordReview] = Workflow.RecordsIntake,
            [ApprovalKinds.NoteSignature] = Workflow.Dictation,
            [ApprovalKinds.PriorAuthPacket] = Workflow.PriorAuthorization,
            [ApprovalKinds.BillingFinding] = Workflow.BillingReview,
        };

    public async Task<CompliancePack> BuildAsync(
        CompiledEnvironment environment,
        PackInputs inputs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(inputs);

        var findings = new List<string>();
        var safeguards = new SafeguardReader(environment);
        // The template's app settings with the configuration files layered on top: what the app would read.
        var appSettings = inputs.Configuration.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        findings.AddRange(UnreadApprovalSettings(appSettings));
        var activity = new List<WorkflowActivity>();
        var verifications = new List<AuditChainVerification>();
        foreach (var workflow in AuditTables.Workflows)
        {
            activity.Add(await ActivityOfAsync(workflow, inputs, cancellationToken).ConfigureAwait(false));
            verifications.Add(await auditReader.VerifyAsync(workflow, cancellationToken).ConfigureAwait(false));
        }

        foreach (var broken in verifications.Where(verification => !verification.IsIntact))
        {
            findings.Add($"The local audit chain of {broken.Workflow} is broken at sequence " +
                $"{broken.FirstBrokenSequence} ({broken.Problem}).");
        }

        var pack = new CompliancePack(
            environment.EnvironmentName,
            time.GetUtcNow(),
            new EvidencePeriod(inputs.Since, inputs.Until),
            environment.Sources,
            inputs.ConfigurationFiles,
            inputs.AuditRoot,
            DataFlowReader.Read(environment, appSettings, inputs.Routing, findings),
            safeguards.Rows(),
            safeguards.PrivateEndpoints(),
            RoleAssignments(environment, findings),
            ApprovalRoles(inputs.Configuration, findings),
            Subprocessors(safeguards.Listed, appSettings),
            ModelDeployments(environment, appSettings, findings),
            AuditRetention(environment, appSettings, findings),
            StorageRetention(environment),
            activity,
            verifications,
            findings);
        return pack;
    }

    private async Task<WorkflowActivity> ActivityOfAsync(
        Workflow workflow,
        PackInputs inputs,
        CancellationToken cancellationToken)
    {
        var query = new AuditQuery(workflow) { From = inputs.Since, To = inputs.Until };
        var events = (await auditReader.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            .Select(record => record.Event)
            .ToList();

        var instances = events.GroupBy(e => e.InstanceId, StringComparer.Ordinal)
            .Select(group => new InstanceActivity(
                group.Key,
                group.Min(e => e.Time),
                group.Max(e => e.Time),
                group.Count(),
                group.Count(IsModelCall),
                group.Count(IsQuarantine),
                group.Count(IsFailure)))
            .OrderBy(instance => instance.First)
            .ThenBy(instance => instance.InstanceId, StringComparer.Ordinal)
            .ToList();

        return new WorkflowActivity(
            workflow,
            events.Count,
            events.Where(e => e.Action == AuditActions.OrchestrationStarted)
                .Select(e => e.InstanceId).Distinct(StringComparer.Ordinal).Count(),
            events.Count(IsModelCall),
            events.Count(e => e.Action == ApprovalAuditActions.Decided),
            events.Count(e => e.Action == ApprovalAuditActions.Refused),
            events.Count(e => e.Action.StartsWith(RecordAccessPrefix, StringComparison.Ordinal)),
            events.Count(IsQuarantine),
            events.Count(IsFailure),
            instances);
    }

    /// <summary>Record access events are named <c>record.viewed</c>, <c>record.exported</c> and so on.</summary>
    public const string RecordAccessPrefix = "record.";

    private static bool IsModelCall(AuditEvent e) => e.Action == AuditActions.ModelCall;

    private static bool IsQuarantine(AuditEvent e) =>
        string.Equals(e.Outcome, AuditOutcomes.Quarantined, StringComparison.OrdinalIgnoreCase);

    private static bool IsFailure(AuditEvent e) =>
        string.Equals(e.Outcome, AuditOutcomes.Failed, StringComparison.OrdinalIgnoreCase);

    private static List<RoleAssignmentRow> RoleAssignments(CompiledEnvironment environment, List<string> findings)
    {
        var rows = new List<RoleAssignmentRow>();
        foreach (var assignment in environment.OfType(AzureResourceTypes.RoleAssignment))
        {
            var roleId = assignment.Text("properties.roleDefinitionId") ?? string.Empty;
            var guid = roleId.Split('/')[^1];
            var role = BuiltInRoles.NameOf(roleId);
            if (role is null)
            {
                findings.Add($"Role definition {guid} is not a built-in role the pack knows; check it by hand.");
            }

            var scope = environment.ById(assignment.Scope);
            rows.Add(new RoleAssignmentRow(
                PrincipalOf(environment, assignment.Text("properties.principalId") ?? "(none)"),
                assignment.Text("properties.principalType") ?? "(not set)",
                role ?? $"unknown ({guid})",
                guid,
                scope?.ShortName ?? assignment.Scope,
                scope?.Type ?? "scope"));
        }

        return rows;
    }

    /// <summary>
    /// A principal written as <c>[reference('&lt;site id&gt;', …, 'full').identity.principalId]</c> is that
    /// resource's system-assigned identity; anything else is shown as written.
    /// </summary>
    private static string PrincipalOf(CompiledEnvironment environment, string principal)
    {
        const string marker = "[reference('";
        if (principal.StartsWith(marker, StringComparison.Ordinal)
            && principal.EndsWith(".identity.principalId]", StringComparison.Ordinal))
        {
            var id = principal[marker.Length..principal.IndexOf('\'', marker.Length)];
            if (environment.ById(id) is { } owner)
            {
                return $"system-assigned identity of {owner.ShortName}";
            }
        }

        return principal;
    }

    private static List<ApprovalRoleRow> ApprovalRoles(IConfiguration configuration, List<string> findings)
    {
        var options = new ApprovalOptions();
        configuration.GetSection(ApprovalOptions.Section).Bind(options);
        var kinds = ApprovalKindWorkflows.Keys.Union(options.DeciderRoles.Keys, StringComparer.Ordinal);
        var rows = new List<ApprovalRoleRow>();
        foreach (var kind in kinds)
        {
            var workflow = ApprovalKindWorkflows.TryGetValue(kind, out var known) ? known.ToString() : "(no workflow)";
            if (options.DeciderRoles.TryGetValue(kind, out var roles) && roles.Count > 0)
            {
                rows.Add(new ApprovalRoleRow(workflow, kind, roles,
                    $"{ApprovalOptions.Section}:DeciderRoles:{kind}"));
                continue;
            }

            rows.Add(new ApprovalRoleRow(workflow, kind, [],
                "not configured: the role each approval request names decides"));
            findings.Add($"{ApprovalOptions.Section}:DeciderRoles:{kind} is not configured for this environment; " +
                "only the role named by each approval request may decide.");
        }

        return rows;
    }

    /// <summary>
    /// Settings under <c>Approvals:</c> that no <see cref="ApprovalOptions"/> property reads: the app silently ignores
    /// them, so the environment does not do what the setting's name promises.
    /// </summary>
    private static IEnumerable<string> UnreadApprovalSettings(IReadOnlyDictionary<string, string?> settings)
    {
        var prefix = ApprovalOptions.Section + ":";
        var properties = typeof(ApprovalOptions).GetProperties().Select(property => property.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return settings.Keys
            .Where(key => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(key => key[prefix.Length..].Split(':')[0])
            .Where(name => !properties.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .Select(name => $"The setting {prefix}{name} is not read by the app (ApprovalOptions has no {name}); " +
                "its value has no effect.");
    }

    private static List<SubprocessorRow> Subprocessors(
        IReadOnlyList<TemplateResource> resources,
        IReadOnlyDictionary<string, string?> appSettings)
    {
        var rows = resources
            .GroupBy(resource => AzureResourceTypes.ServiceOf(resource.Type), StringComparer.Ordinal)
            .Select(group => new SubprocessorRow(
                "Microsoft Azure: " + group.Key,
                RegionsOf(group),
                group.Select(resource => resource.ShortName).Distinct(StringComparer.Ordinal).ToList()))
            .OrderBy(row => row.Service, StringComparer.Ordinal)
            .ToList();

        var webhooks = appSettings.Keys
            .Where(key => key.StartsWith("Approvals:TeamsWebhook", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (webhooks.Count > 0)
        {
            rows.Add(new SubprocessorRow("Microsoft 365: Teams Workflows (approval cards)",
                "the organization's Microsoft 365 tenant", webhooks));
        }

        return rows;
    }

    private static string RegionsOf(IEnumerable<TemplateResource> resources)
    {
        var regions = resources.Select(resource => resource.Text("location")).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return regions.Count > 0 ? string.Join(", ", regions) : "resource group region";
    }

    private static List<ModelDeploymentRow> ModelDeployments(
        CompiledEnvironment environment,
        IReadOnlyDictionary<string, string?> appSettings,
        List<string> findings)
    {
        var chat = appSettings.GetValueOrDefault("AzureAi:ChatDeployment");
        var transcription = appSettings.GetValueOrDefault("AzureAi:TranscriptionDeployment");
        var rows = new List<ModelDeploymentRow>();
        foreach (var deployment in environment.OfType(AzureResourceTypes.ModelDeployment))
        {
            var name = deployment.ShortName;
            var usedFor = name == chat ? "classification, extraction and summaries (AzureAi:ChatDeployment)"
                : name == transcription ? "dictation transcription (AzureAi:TranscriptionDeployment)"
                : "not referenced by the app settings";
            if (name != chat && name != transcription)
            {
                findings.Add($"Model deployment {name} is deployed but no app setting uses it.");
            }

            rows.Add(new ModelDeploymentRow(
                deployment.Name.Split('/')[0],
                name,
                deployment.Text("properties.model.name") ?? "?",
                deployment.Text("properties.model.version") ?? "?",
                deployment.Text("sku.name") ?? "?",
                deployment.Node("sku.capacity") is JsonValue capacity ? capacity.GetValue<int>() : null,
                usedFor));
        }

        return rows;
    }

    private static List<AuditRetentionRow> AuditRetention(
        CompiledEnvironment environment,
        IReadOnlyDictionary<string, string?> appSettings,
        List<string> findings)
    {
        var rows = new List<AuditRetentionRow>();
        foreach (var workflow in AuditTables.Workflows)
        {
            var parameter = environment.Parameters["auditRetention"]?[workflow.ToString()];
            var tableName = AuditTables.TableFor(workflow);
            var table = environment.OfType(AzureResourceTypes.WorkspaceTable)
                .FirstOrDefault(resource => resource.ShortName == tableName);
            var settings = $"{AuditRetentionOptions.SectionName}:{workflow}";
            var row = new AuditRetentionRow(
                workflow,
                tableName,
                Number(parameter?["retentionInDays"]),
                Number(parameter?["totalRetentionInDays"]),
                Number(table?.Node("properties.retentionInDays")),
                Number(table?.Node("properties.totalRetentionInDays")),
                Number(appSettings.GetValueOrDefault($"{settings}:InteractiveDays")),
                Number(appSettings.GetValueOrDefault($"{settings}:TotalDays")));
            if (!row.Consistent)
            {
                findings.Add($"Audit retention of {workflow} differs between the parameters, the table {tableName} " +
                    "and the app settings (or one of them is missing).");
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<StorageRetentionRow> StorageRetention(CompiledEnvironment environment)
    {
        var rows = new List<StorageRetentionRow>();
        foreach (var blobs in environment.OfType(AzureResourceTypes.BlobService))
        {
            var account = blobs.Name.Split('/')[0];
            rows.Add(SoftDelete(account, "deleted blobs", blobs.Node("properties.deleteRetentionPolicy")));
            rows.Add(SoftDelete(account, "deleted containers",
                blobs.Node("properties.containerDeleteRetentionPolicy")));
        }

        foreach (var account in environment.OfType(AzureResourceTypes.StorageAccount))
        {
            var policies = environment.OfType(AzureResourceTypes.StorageLifecyclePolicy)
                .Where(policy => policy.Name.StartsWith(account.ShortName + "/", StringComparison.Ordinal)).ToList();
            rows.Add(new StorageRetentionRow(account.ShortName, "lifecycle management policy",
                policies.Count == 0 ? "none" : $"{policies.Count} polic{(policies.Count == 1 ? "y" : "ies")}",
                policies.Count == 0
                    ? "blobs stay until the workflow, staff systems or an operator delete them (see the containers)"
                    : "blobs are deleted or tiered by the policy rules"));
        }

        foreach (var vault in environment.OfType(AzureResourceTypes.KeyVault))
        {
            rows.Add(new StorageRetentionRow(vault.ShortName, "soft delete",
                $"{vault.Text("properties.softDeleteRetentionInDays")} days, purge protection " +
                (vault.Text("properties.enablePurgeProtection") == "true" ? "on" : "off"),
                "a deleted vault or secret is recoverable for that long, then removed; purge protection stops " +
                "anyone removing it sooner"));
        }

        foreach (var workspace in environment.OfType(AzureResourceTypes.Workspace))
        {
            rows.Add(new StorageRetentionRow(workspace.ShortName, "default table retention (platform logs, telemetry)",
                $"{workspace.Text("properties.retentionInDays")} days",
                "rows of tables without their own retention are removed after that; audit tables keep their own " +
                "(see above)"));
        }

        foreach (var subscription in environment.OfType(AzureResourceTypes.EventSubscription))
        {
            rows.Add(new StorageRetentionRow(subscription.ShortName, "undelivered event time to live",
                $"{subscription.Text("properties.retryPolicy.eventTimeToLiveInMinutes")} minutes, " +
                $"{subscription.Text("properties.retryPolicy.maxDeliveryAttempts")} attempts",
                "blob-created events (a blob URL, no content) that never reach the app are dropped"));
        }

        return rows;
    }

    private static StorageRetentionRow SoftDelete(string account, string what, JsonNode? policy) =>
        policy?["enabled"]?.ToString() == "true"
            ? new StorageRetentionRow(account, $"soft delete of {what}", $"{policy["days"]} days",
                $"{what} are recoverable for that long, then permanently removed")
            : new StorageRetentionRow(account, $"soft delete of {what}", "off", $"{what} are removed at once");

    private static int? Number(JsonNode? node) => node is null ? null : Number(node.ToString());

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
