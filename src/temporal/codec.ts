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
const IV_BYTES = 12;
/** IVs are taken from random bytes drawn this many at a time: one draw per payload cost more than the AES. */
const IV_POOL_BYTES = IV_BYTES * 512;

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
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

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
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = cipher.update(plain);
    const last = cipher.final();
    return Buffer.concat([iv, body, last, cipher.getAuthTag()]);
  }

  /** A fresh random IV (each one its own 12 bytes of the CSPRNG's output, never reused). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_POOL_BYTES);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  private decrypt(key: Buffer, data: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - 16)), decipher.final()]);
  }
}
