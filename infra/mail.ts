/** SES: every send uses this configuration set; its delivery events go to an encrypted topic. */
import type { Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';

export interface Mail {
  configurationSet: ConfigurationSet;
  /** Bounces, complaints, deliveries and rejects, read by the sesEvents function. */
  deliveryEvents: Topic;
}

export function createMail(stack: Stack): Mail {
  const eventsKey = new Key(stack, 'DeliveryEventsKey', {
    enableKeyRotation: true,
    description: 'Encrypts SES delivery events',
  });
  // SES itself publishes to the topic, so it must be able to use the key.
  eventsKey.grantEncryptDecrypt(new ServicePrincipal('ses.amazonaws.com'));
  const deliveryEvents = new Topic(stack, 'DeliveryEvents', { masterKey: eventsKey, enforceSSL: true });
  const configurationSet = new ConfigurationSet(stack, 'ConfigurationSet', {
    reputationMetrics: true,
    sendingEnabled: true,
  });
  configurationSet.addEventDestination('ToTopic', {
    destination: EventDestination.snsTopic(deliveryEvents),
    events: [
      EmailSendingEvent.BOUNCE,
      EmailSendingEvent.COMPLAINT,
      EmailSendingEvent.DELIVERY,
      EmailSendingEvent.REJECT,
    ],
  });
  return { configurationSet, deliveryEvents };
}
