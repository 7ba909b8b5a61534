using HipaaAi.Shared.Audit;

namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Everything an evidence pack states about one environment and period, built from the compiled template, the
/// application configuration and the audit trail. Holds names, settings, counts and opaque ids; never PHI.
/// </summary>
public sealed record CompliancePack(
    string EnvironmentName,
    DateTimeOffset GeneratedAt,
    EvidencePeriod Period,
    EnvironmentSources Sources,
    IReadOnlyList<SourceFile> ConfigurationFiles,
    string AuditRoot,
    DataFlow DataFlow,
    IReadOnlyList<SafeguardRow> Safeguards,
    IReadOnlyList<PrivateEndpointRow> PrivateEndpoints,
    IReadOnlyList<RoleAssignmentRow> RoleAssignments,
    IReadOnlyList<ApprovalRoleRow> ApprovalRoles,
    IReadOnlyList<SubprocessorRow> Subprocessors,
    IReadOnlyList<ModelDeploymentRow> ModelDeployments,
    IReadOnlyList<AuditRetentionRow> AuditRetention,
    IReadOnlyList<StorageRetentionRow> StorageRetention,
    IReadOnlyList<WorkflowActivity> Activity,
    IReadOnlyList<AuditChainVerification> ChainVerifications,
    IReadOnlyList<string> Findings);

/// <summary>
/// The audit period: events at or after <see cref="Since"/> (open when null) and before <see cref="Until"/>.
/// </summary>
public sealed record EvidencePeriod(DateTimeOffset? Since, DateTimeOffset Until);

/// <summary>Encryption, transport, exposure and authentication of one resource, as the template sets them.</summary>
public sealed record SafeguardRow(
    string Resource,
    string Type,
    string EncryptionAtRest,
    string InTransit,
    string PublicNetworkAccess,
    string PrivateEndpoints,
    string Authentication,
    string Lock,
    string Diagnostics);

public sealed record PrivateEndpointRow(string Endpoint, string Target, string TargetType, string GroupIds);

public sealed record RoleAssignmentRow(
    string Principal,
    string PrincipalType,
    string Role,
    string RoleDefinitionId,
    string Scope,
    string ScopeType);

/// <summary>Who may decide one kind of approval, per <c>Approvals:DeciderRoles</c> (or the fallback rule).</summary>
public sealed record ApprovalRoleRow(string Workflow, string ApprovalKind, IReadOnlyList<string> Roles, string Source);

public sealed record SubprocessorRow(string Service, string Region, IReadOnlyList<string> Resources);

public sealed record ModelDeploymentRow(
    string Account,
    string Deployment,
    string Model,
    string Version,
    string Sku,
    int? Capacity,
    string UsedFor);

/// <summary>
/// One workflow's audit retention as the parameters, the workspace table and the app settings state it.
/// </summary>
public sealed record AuditRetentionRow(
    Workflow Workflow,
    string Table,
    int? ParameterInteractiveDays,
    int? ParameterTotalDays,
    int? TableInteractiveDays,
    int? TableTotalDays,
    int? AppInteractiveDays,
    int? AppTotalDays)
{
    public bool Consistent =>
        ParameterInteractiveDays is not null && ParameterTotalDays is not null
        && ParameterInteractiveDays == TableInteractiveDays && ParameterTotalDays == TableTotalDays
        && ParameterInteractiveDays == AppInteractiveDays && ParameterTotalDays == AppTotalDays;
}

public sealed record StorageRetentionRow(string Store, string Setting, string Value, string AtTheEnd);

/// <summary>Counts of one workflow's audit events in the period, and the opaque instance ids they belong to.</summary>
public sealed record WorkflowActivity(
    Workflow Workflow,
    int Events,
    int Documents,
    int ModelCalls,
    int HumanDecisions,
    int DecisionRefusals,
    int RecordAccesses,
    int Quarantines,
    int Failures,
    IReadOnlyList<InstanceActivity> Instances);

public sealed record InstanceActivity(
    string InstanceId,
    DateTimeOffset First,
    DateTimeOffset Last,
    int Events,
    int ModelCalls,
    int Quarantines,
    int Failures);

/// <summary>The PHI data flow: nodes grouped by stage, and directed edges with how the data travels.</summary>
public sealed record DataFlow(
    IReadOnlyList<FlowNode> Nodes,
    IReadOnlyList<FlowEdge> Edges,
    IReadOnlyList<CardElement> CardElements,
    IReadOnlyList<SinkRule> SinkRules,
    IReadOnlyList<AuditColumnRow> AuditColumns);

/// <summary>Which PHI fields a sink may carry, from <c>PhiAllowList</c>.</summary>
public sealed record SinkRule(string Sink, string AllowedPhiFields);

/// <summary>One column of the audit tables as the template declares it, and whether the code writes it.</summary>
public sealed record AuditColumnRow(string Name, string Type, string Description, bool WrittenByCode);

public enum FlowStage
{
    Enters,
    Moves,
    Processed,
    Stored,
    Logged,
    Leaves,
    Outside,
}

/// <summary>
/// One place PHI passes. <see cref="Detail"/> says what it holds and for how long; <see cref="Private"/> is true
/// when the app reaches it only through a private endpoint.
/// </summary>
public sealed record FlowNode(string Id, string Label, FlowStage Stage, string Detail, bool? Private);

public sealed record FlowEdge(string From, string To, string Label, bool Private);

/// <summary>One element of the approval card as the card builder renders it, with the limit it enforces.</summary>
public sealed record CardElement(string Element, string Shows, string Limit);
