// Azure infrastructure of a Switchyard function app (resource-group scope): a Flex Consumption function app running
// the packaged custom handler, its user-assigned identity, storage (shared keys off), Application Insights on Log
// Analytics, the Service Bus entities of the async/servicebus agents, the Storage queues of the async/azure-queue
// agents, and the identity's role assignments. With durable pipes, the engine's storage roles and settings and
// always-ready instances, since an orchestration advances only while a process of the app runs.
//
//   switchyard package -c krakend.json -o dist --zip      # writes dist/main.parameters.json for the config's agents
//   az deployment group create -g RG -f bicep/main.bicep -p @dist/main.parameters.json -p appName=NAME

targetScope = 'resourceGroup'

import { serviceBusQueue, serviceBusTopic } from 'modules/servicebus.bicep'

@description('Name of the function app, globally unique (<appName>.azurewebsites.net); the other resources are named after it.')
@minLength(2)
@maxLength(60)
param appName string

@description('Azure region of every resource; it must offer Flex Consumption with the custom runtime.')
param location string = resourceGroup().location

@description('One Service Bus queue per async/servicebus agent on a queue.')
param serviceBusQueues serviceBusQueue[] = []

@description('One Service Bus topic subscription per async/servicebus agent on a topic.')
param serviceBusTopics serviceBusTopic[] = []

@description('One Storage queue per async/azure-queue agent.')
param storageQueues string[] = []

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Oldest TLS version clients may use; switchyard package sets it from the configuration\'s tls.min_version.')
@allowed([
  '1.0'
  '1.1'
  '1.2'
  '1.3'
])
param minTlsVersion string = '1.2'

@description('True when the configuration has a durable pipe (switchyard package sets it): the identity gets the engine\'s storage roles, the app SWITCHYARD_DURABLE_CONNECTION, and durableAlwaysReadyInstances instances stay running.')
param durable bool = false

@description('Storage account of the durable engine, in this resource group, when the configuration names one; empty: the app\'s own storage account.')
@maxLength(24)
param durableStorageAccountName string = ''

@description('Always-ready instances of a durable app: the processes that run its flows while no request or message wakes it.')
@minValue(1)
@maxValue(20)
param durableAlwaysReadyInstances int = 1

@description('Tags applied to every resource.')
param tags object = {}

// Stable per subscription, resource group and app: globally unique names for storage and Service Bus, and
// deployment names that two apps in one resource group do not share.
var resourceToken = uniqueString(subscription().id, resourceGroup().id, appName)
var useServiceBus = !empty(serviceBusQueues) || !empty(serviceBusTopics)
var deploymentContainerName = 'app-package-${resourceToken}'

// The account the durable engine runs on; empty when the configuration has no durable pipe.
var durableAccountName = !durable
  ? ''
  : empty(durableStorageAccountName) ? storage.outputs.name : durableStorageAccountName

module identity 'modules/identity.bicep' = {
  name: 'identity-${resourceToken}'
  params: {
    identityName: 'id-${appName}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage-${resourceToken}'
  params: {
    storageAccountName: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    queueNames: storageQueues
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring-${resourceToken}'
  params: {
    workspaceName: take('log-${appName}', 63)
    appInsightsName: 'appi-${appName}'
    location: location
    tags: tags
  }
}

// A Standard namespace is billed whether used or not: only create it when an agent reads from Service Bus.
module serviceBus 'modules/servicebus.bicep' = if (useServiceBus) {
  name: 'servicebus-${resourceToken}'
  params: {
    namespaceName: 'sb-${resourceToken}'
    location: location
    tags: tags
    queues: serviceBusQueues
    topics: serviceBusTopics
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles-${resourceToken}'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    serviceBusNamespaceName: serviceBus.?outputs.namespaceName ?? ''
    durableStorageAccountName: durableAccountName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp-${resourceToken}'
  params: {
    functionAppName: appName
    planName: take('plan-${appName}', 60)
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusFullyQualifiedNamespace: serviceBus.?outputs.fullyQualifiedNamespace ?? ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    minTlsVersion: minTlsVersion
    durableStorageAccountName: durableAccountName
    alwaysReadyInstances: durable ? durableAlwaysReadyInstances : 0
  }
  // The app's first start reads the package and opens its triggers with the identity: grant the roles first.
  dependsOn: [
    roles
  ]
}

@description('Name of the function app.')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the function app; endpoints are served at their configured paths (no /api prefix).')
output functionAppUrl string = functionApp.outputs.url
