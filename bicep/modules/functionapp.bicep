// The Flex Consumption plan and the function app that runs Switchyard as a custom handler. The runtime is set only
// in functionAppConfig (Flex rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE
// and WEBSITE_CONTENT* settings); the package is pulled from a blob container with the user-assigned identity, and
// every connection the host opens (host storage, Service Bus, Application Insights) is identity-based, as is the
// durable engine's inside the handler.

@description('Name of the function app, globally unique (<name>.azurewebsites.net).')
param functionAppName string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity, for identity-based connections.')
param identityClientId string

@description('Name of the storage account used as AzureWebJobsStorage.')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param storageBlobEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Connection string of the Application Insights component.')
param appInsightsConnectionString string

@description('Host name of the Service Bus namespace; empty when no agent uses Service Bus.')
param serviceBusFullyQualifiedNamespace string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Oldest TLS version clients may use at the app\'s front end, which ends TLS (the configuration\'s tls.min_version).')
@allowed([
  '1.0'
  '1.1'
  '1.2'
  '1.3'
])
param minTlsVersion string

@description('Storage account the durable engine runs on, reached with the identity; empty when the configuration has no durable pipe.')
param durableStorageAccountName string

@description('Instances of the HTTP group kept running (always ready); 0 lets the app scale to zero.')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int

// The custom-handler runtime on Flex Consumption. ARM accepts a version the region's catalog does not list and the
// app then fails to start without a clear error: check it with
// `az functionapp list-flexconsumption-runtimes -l <region> --runtime custom`.
var runtime = {
  name: 'custom'
  version: '1.0'
}

var hostSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
]

// The connection the async/servicebus agents name by default ("connection": "ServiceBusConnection").
var serviceBusSettings = empty(serviceBusFullyQualifiedNamespace)
  ? []
  : [
      { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: serviceBusFullyQualifiedNamespace }
      { name: 'ServiceBusConnection__credential', value: 'managedidentity' }
      { name: 'ServiceBusConnection__clientId', value: identityClientId }
    ]

// The durable engine inside the handler: an account name makes it use DefaultAzureCredential, which picks the
// user-assigned identity only when AZURE_CLIENT_ID names it (the app has no system-assigned identity).
var durableSettings = empty(durableStorageAccountName)
  ? []
  : [
      { name: 'SWITCHYARD_DURABLE_CONNECTION', value: durableStorageAccountName }
      { name: 'AZURE_CLIENT_ID', value: identityClientId }
    ]

// Every function of a custom handler runs in the one process the host starts, so an always-ready instance of the HTTP
// group runs the durable worker too: the flows' timers and queued steps advance while no request or message comes.
var alwaysReady = alwaysReadyInstances == 0
  ? []
  : [
      { name: 'http', instanceCount: alwaysReadyInstances }
    ]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: minTlsVersion
      ftpsState: 'Disabled'
      appSettings: concat(hostSettings, serviceBusSettings, durableSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        alwaysReady: alwaysReady
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: runtime
    }
  }
}

@description('Name of the function app.')
output name string = functionApp.name

@description('Base URL of the function app.')
output url string = 'https://${functionApp.properties.defaultHostName}'
