// Role assignments of the app's user-assigned identity: data-plane access to everything the Functions host opens
// on the app's behalf, and to the durable engine's storage when the configuration has a durable pipe. Names are
// deterministic (scope, principal, role) so a redeployment finds its assignments instead of failing with
// RoleAssignmentExists.

@description('Object id of the identity\'s service principal.')
param principalId string

@description('Name of the storage account (host storage, deployment package, agent Storage queues).')
param storageAccountName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Name of the Service Bus namespace; empty when no agent uses Service Bus.')
param serviceBusNamespaceName string

@description('Name of the storage account the durable engine runs on (the app\'s own, or another of the resource group); empty when the configuration has no durable pipe.')
param durableStorageAccountName string

// Built-in role definition ids, the same in every tenant.
var roleIds = {
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
}

// Blob Data Owner: host storage and the deployment container. Queue Data Contributor: the host's own queues and the
// async/azure-queue agents' triggers (read, process, move to -poison).
var hostStorageRoleIds = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
]

// What the durable engine (DurableTask.AzureStorage) does on its account: control and work-item queues, the history
// and instance tables, partition leases and large messages in blobs.
var durableRoleIds = [
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
  roleIds.storageBlobDataContributor
]

// Of those, what the host's roles lack on the app's own account: its queues are covered, and Blob Data Owner holds every
// permission of Blob Data Contributor.
var durableRoleIdsBeyondHost = [
  roleIds.storageTableDataContributor
]

// The engine runs on the app's own account, on another one of the resource group, or nowhere (no durable pipe).
var durable = !empty(durableStorageAccountName)
var durableOnHostStorage = durableStorageAccountName == storageAccountName
var storageRoleIds = concat(hostStorageRoleIds, durableOnHostStorage ? durableRoleIdsBeyondHost : [])
var durableStorageRoleIds = durable && !durableOnHostStorage ? durableRoleIds : []

// Receiver for the agents' triggers; Sender so a pipe may publish back to the namespace.
var serviceBusRoleIds = empty(serviceBusNamespaceName)
  ? []
  : [
      roleIds.serviceBusDataReceiver
      roleIds.serviceBusDataSender
    ]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// The durable engine's account when it is another one; it falls back to the app's own so the reference always resolves,
// and nothing is assigned through it then (durableStorageRoleIds is empty).
resource durableStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: empty(durableStorageAccountName) ? storageAccountName : durableStorageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource durableStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in durableStorageRoleIds: {
    name: guid(durableStorage.id, principalId, roleId)
    scope: durableStorage
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource serviceBusRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in serviceBusRoleIds: {
    name: guid(serviceBus.id, principalId, roleId)
    scope: serviceBus
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource monitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
  }
}
