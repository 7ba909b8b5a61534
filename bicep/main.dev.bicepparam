using 'main.bicep'

// Development: smallest footprint, short retention, no customer-managed key. Still private and identity-only,
// because test documents can be real PHI by mistake.

param environmentName = 'dev'

param storageSkuName = 'Standard_LRS'

param storageDeleteRetentionDays = 7

param maximumInstanceCount = 40

param instanceMemoryMB = 2048

// First deployment of a new environment: INTAKE_EVENTS_ENABLED=false until the code is published (docs/deploy.md).
param intakeEventSubscriptionEnabled = bool(readEnvironmentVariable('INTAKE_EVENTS_ENABLED', 'true'))

param keyVaultSoftDeleteRetentionInDays = 7

param openAiDeployments = [
  {
    name: 'chat'
    model: 'gpt-4o-mini'
    version: '2024-07-18'
    sku: 'DataZoneStandard'
    capacity: 20
  }
]

param chatDeploymentName = 'chat'

param workspaceRetentionInDays = 30

// Total retention stays at the six-year floor even here: test documents can be real PHI by mistake, and the app
// refuses to start with less. Interactive retention is short; the rest sits in the cheap long-term tier.
param auditRetention = {
  RecordsIntake: {
    retentionInDays: 30
    totalRetentionInDays: 2190
  }
  Dictation: {
    retentionInDays: 14
    totalRetentionInDays: 2190
  }
  PriorAuthorization: {
    retentionInDays: 30
    totalRetentionInDays: 2190
  }
  BillingReview: {
    retentionInDays: 60
    totalRetentionInDays: 2190
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
