// The user-assigned identity the function app runs as. One identity for every data-plane connection (deployment
// storage, host storage, Service Bus, Application Insights), so the role assignments are granted before the app
// exists and its first start already has access; a system-assigned identity would only exist after the site.

@description('Name of the user-assigned managed identity.')
param identityName string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

@description('Resource id of the identity, for the site\'s identity block and the deployment storage authentication.')
output id string = identity.id

@description('Object id of the identity\'s service principal: the principal of every role assignment.')
output principalId string = identity.properties.principalId

@description('Client id of the identity: the clientId of identity-based connections.')
output clientId string = identity.properties.clientId
