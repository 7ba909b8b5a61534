metadata description = 'Shared user-defined types for the HipaaAi environment.'

@export()
@description('Interactive and total retention of one audit table.')
type tableRetention = {
  @description('Required. Days the rows stay in interactive (analytics) retention.')
  @minValue(4)
  @maxValue(730)
  retentionInDays: int

  @description('Required. Days the rows are kept in total, interactive plus long-term. The app refuses to start below six years (2190 days, RetentionPolicy.HipaaMinimumTotalDays), so the tables may not either.')
  @minValue(2190)
  @maxValue(4383)
  totalRetentionInDays: int
}

@export()
@description('Retention of each workflow audit table, keyed by the workflow names of the code (docs/audit-table-schema.json); the same values become the app settings Audit__Retention__<Workflow>__*.')
type auditRetentionByWorkflow = {
  @description('Required. Retention of AuditRecordsIntake_CL.')
  RecordsIntake: tableRetention

  @description('Required. Retention of AuditDictation_CL.')
  Dictation: tableRetention

  @description('Required. Retention of AuditPriorAuth_CL.')
  PriorAuthorization: tableRetention

  @description('Required. Retention of AuditBillingReview_CL.')
  BillingReview: tableRetention
}

@export()
@description('One Azure OpenAI model deployment.')
type openAiDeployment = {
  @description('Required. Deployment name the application calls.')
  name: string

  @description('Required. Model name, for example gpt-4o-mini.')
  model: string

  @description('Required. Model version, for example 2024-07-18.')
  version: string

  @description('Required. Deployment SKU, for example DataZoneStandard or Standard.')
  sku: string

  @description('Required. Capacity in thousands of tokens per minute.')
  @minValue(1)
  capacity: int
}

@export()
@description('Optional customer-managed key for the storage account.')
type customerManagedKeyConfig = {
  @description('Required. Vault URI that holds the key, for example https://kv-name.vault.azure.net/.')
  keyVaultUri: string

  @description('Required. Name of the key; the newest version is used and rotation is followed.')
  keyName: string

  @description('Required. Resource id of a user-assigned identity with Key Vault Crypto Service Encryption User on the key.')
  userAssignedIdentityId: string
}
