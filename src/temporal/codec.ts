// AES-256-GCM payload codec: workflow inputs, results and signals carry names and emails, and Temporal
// stores them. With this codec the server (and Temporal Cloud) only ever sees ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'relay-v1';
const IV_BYTES = 12;
/** IVs are taken from random bytes drawn this many at a time: one draw per payload cost more than the AES. */
const IV_POOL_BYTES = IV_BYTES * 512;

export class EncryptionCodec implements PayloadCodec {
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('payload key must be 32 bytes');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => ({
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
        'encryption-key-id': Buffer.from(KEY_ID),
      },
      data: this.encrypt(temporal.api.common.v1.Payload.encode(payload).finish()),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString() !== ENCODING || !payload.data) return payload;
      return temporal.api.common.v1.Payload.decode(this.decrypt(Buffer.from(payload.data)));
    });
  }

  private encrypt(plain: Uint8Array): Buffer {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
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

  private decrypt(data: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
  }
}
