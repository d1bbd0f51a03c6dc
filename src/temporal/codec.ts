// AES-256-GCM payload codec: workflow inputs, results and signals carry names and emails, and Temporal
// stores them. With this codec the server (and Temporal Cloud) only ever sees ciphertext. Keys rotate: the
// first key encrypts, every key decrypts, and each payload names its key (`encryption-key-id`), so a run
// started under an old key still decodes after a new one became first.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/** The id of the single `PAYLOAD_ENCRYPTION_KEY` (and of every payload written before keys had ids of their own). */
export const DEFAULT_KEY_ID = 'relay-v1';

export interface PayloadKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export class UnknownKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`payload was encrypted with key id "${keyId}", which this process does not have: add it to PAYLOAD_ENCRYPTION_KEYS`);
    this.name = 'UnknownKeyError';
  }
}

/** The key id a payload was encrypted with, without decrypting it (undefined: not ours). */
export function keyIdOf(payload: Payload): string | undefined {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  if (!encoding || Buffer.from(encoding).toString() !== ENCODING) return undefined;
  const id = payload.metadata?.[KEY_ID_METADATA];
  return id ? Buffer.from(id).toString() : DEFAULT_KEY_ID;
}

export class EncryptionCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: PayloadKey[] | Buffer) {
    const list = Buffer.isBuffer(keys) ? [{ id: DEFAULT_KEY_ID, key: keys }] : keys;
    if (list.length === 0) throw new Error('at least one payload key is needed');
    for (const { id, key } of list) if (key.length !== 32) throw new Error(`payload key "${id}" must be 32 bytes`);
    this.keys = new Map(list.map(({ id, key }) => [id, key]));
    this.current = list[0];
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => ({
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
        [KEY_ID_METADATA]: Buffer.from(this.current.id),
      },
      data: this.encrypt(temporal.api.common.v1.Payload.encode(payload).finish()),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const keyId = keyIdOf(payload);
      if (keyId === undefined || !payload.data) return payload;
      const key = this.keys.get(keyId);
      if (!key) throw new UnknownKeyError(keyId);
      return temporal.api.common.v1.Payload.decode(this.decrypt(key, Buffer.from(payload.data)));
    });
  }

  private encrypt(plain: Uint8Array): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  private decrypt(key: Buffer, data: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
  }
}
