using 'main.bicep'

// Production: zone-redundant storage, room to scale, and audit retention that meets HIPAA's six-year documentation
// rule (45 CFR 164.316(b)(2)) or longer where billing records need it.

param environmentName = 'prod'

param storageSkuName = 'Standard_ZRS'

param storageDeleteRetentionDays = 30

param maximumInstanceCount = 100

param instanceMemoryMB = 2048

param intakeEventSubscriptionEnabled = bool(readEnvironmentVariable('INTAKE_EVENTS_ENABLED', 'true'))

param keyVaultSoftDeleteRetentionInDays = 90

param openAiDeployments = [
  {
    name: 'chat'
    model: 'gpt-4o'
    version: '2024-11-20'
    sku: 'DataZoneStandard'
    capacity: 100
  }
  {
    name: 'transcribe'
    model: 'whisper'
    version: '001'
    sku: 'Standard'
    capacity: 3
  }
]

param chatDeploymentName = 'chat'

param transcriptionDeploymentName = 'transcribe'

param workspaceRetentionInDays = 90

param auditRetention = {
  RecordsIntake: {
    retentionInDays: 90
    totalRetentionInDays: 2557
  }
  Dictation: {
    retentionInDays: 90
    totalRetentionInDays: 2192
  }
  PriorAuthorization: {
    retentionInDays: 180
    totalRetentionInDays: 2557
  }
  BillingReview: {
    retentionInDays: 365
    totalRetentionInDays: 3653
  }
}

// Approver groups whose Teams Workflows webhook URL is a vault secret (teams-webhook-<group in lower case>), and the
// app roles that may decide each kind of approval.
param approverGroups = [
  'RecordsReviewers'
  'RecordsSupervisors'
  'Providers'
  'ProviderSupervisors'
  'PriorAuthCoordinators'
  'PriorAuthSupervisors'
  'BillingReviewers'
  'BillingSupervisors'
]

param deciderRoles = {
  RecordReview: [
    'RecordsReviewer'
    'RecordsSupervisor'
  ]
  NoteSignature: [
    'Provider'
  ]
  PriorAuthPacket: [
    'PriorAuthCoordinator'
    'Provider'
  ]
  BillingFinding: [
    'BillingReviewer'
  ]
}
