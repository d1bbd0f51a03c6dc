import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from '../../src/temporal/codec';

describe('EncryptionCodec', () => {
  const codec = new EncryptionCodec(Buffer.alloc(32, 1));

  it('round-trips payloads and hides their content', async () => {
    const payload = defaultPayloadConverter.toPayload({ email: 'jane@example.com' });
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded.data!).toString('latin1')).not.toContain('jane@example.com');
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ email: 'jane@example.com' });
  });

  it('refuses payloads encrypted with another key', async () => {
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload('x')]);
    await expect(new EncryptionCodec(Buffer.alloc(32, 2)).decode([encoded])).rejects.toThrow();
  });

  it('passes through payloads it did not encode', async () => {
    const plain = defaultPayloadConverter.toPayload(42);
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});
