import type { IngestEventBase, IngestSpecs, MeterSink, RawEvent } from '../service-descriptor.js'

/** One Secrets Manager API call (GetSecretValue, PutSecretValue, DescribeSecret, ...). */
export interface SecretsManagerRequestEvent extends IngestEventBase {
  type: 'secretsmanager.request'
}

function readSecretsManagerRequest(
  type: 'secretsmanager.request',
  _raw: RawEvent,
  time: number | undefined,
): SecretsManagerRequestEvent {
  return { type, time }
}

/** Every API call is billed alike, whatever the secret's size (at most 64 KB). */
function meterSecretsManagerRequest(_event: SecretsManagerRequestEvent, sink: MeterSink): void {
  sink('secretsmanager.api_requests', 1)
}

export const secretsManagerIngest: IngestSpecs<SecretsManagerRequestEvent> = {
  'secretsmanager.request': {
    read: readSecretsManagerRequest,
    meter: meterSecretsManagerRequest,
    sample: {},
  },
}
