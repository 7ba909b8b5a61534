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

param auditRetention = {
  RecordsIntake: {
    retentionInDays: 30
    totalRetentionInDays: 90
  }
  Dictation: {
    retentionInDays: 14
    totalRetentionInDays: 60
  }
  PriorAuth: {
    retentionInDays: 30
    totalRetentionInDays: 120
  }
  BillingReview: {
    retentionInDays: 60
    totalRetentionInDays: 180
  }
}
