// The Service Bus namespace of the async/servicebus agents: one queue per agent on a queue, one topic and
// subscription per agent on a topic. A message the agent fails (non-2xx from the handler) is abandoned by the
// Functions host and redelivered; after maxDeliveryCount deliveries the broker moves it to the entity's dead-letter
// queue. Local (SAS) authentication is off: the app connects with its managed identity.

@export()
@description('A Service Bus queue of one agent.')
type serviceBusQueue = {
  @description('Queue name, as in the agent\'s async/servicebus "queue".')
  name: string

  @description('Deliveries of one message before it is dead-lettered: the agent\'s max_deliveries.')
  @minValue(1)
  maxDeliveryCount: int
}

@export()
@description('A Service Bus topic subscription of one agent.')
type serviceBusTopic = {
  @description('Topic name, as in the agent\'s async/servicebus "topic".')
  name: string

  @description('Subscription name, as in the agent\'s async/servicebus "subscription".')
  subscription: string

  @description('Deliveries of one message before it is dead-lettered: the agent\'s max_deliveries.')
  @minValue(1)
  maxDeliveryCount: int
}

@description('Name of the Service Bus namespace: 6-50 letters, digits and hyphens, globally unique.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Azure region of the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Queues to create.')
param queues serviceBusQueue[]

@description('Topic subscriptions to create; several agents may share a topic.')
param topics serviceBusTopic[]

// The longest a message stays locked to one delivery before the broker hands it to another consumer; the host
// renews the lock while the handler works, so this only bounds how soon a crashed instance's message returns.
var lockDuration = 'PT1M'

// Topics is one entry per subscription, so a topic shared by two agents appears twice: create each topic once.
var topicNames = union(map(topics, topic => topic.name), [])

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  // Topics need Standard or above.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queueResources 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queue in queues: {
    parent: namespace
    name: queue.name
    properties: {
      maxDeliveryCount: queue.maxDeliveryCount
      lockDuration: lockDuration
      deadLetteringOnMessageExpiration: true
      requiresSession: false
    }
  }
]

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topicName in topicNames: {
    parent: namespace
    name: topicName
  }
]

// Named by path rather than with `parent`: the topic of a subscription is found by name among the deduplicated
// topics, which a loop's parent cannot express.
resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for topic in topics: {
    name: '${namespace.name}/${topic.name}/${topic.subscription}'
    properties: {
      maxDeliveryCount: topic.maxDeliveryCount
      lockDuration: lockDuration
      deadLetteringOnMessageExpiration: true
      requiresSession: false
    }
    dependsOn: [
      topicResources
    ]
  }
]

@description('Name of the namespace, the scope of its role assignments.')
output namespaceName string = namespace.name

@description('Host name of the namespace (<name>.servicebus.windows.net): the identity connection\'s fullyQualifiedNamespace.')
output fullyQualifiedNamespace string = split(replace(replace(namespace.properties.serviceBusEndpoint, 'https:', ''), '/', ''), ':')[0]
