import { defaultPayloadConverter } from '@temporalio/common';
import { ConfigError, loadConfig } from '../../src/assembly/config';
import { DEFAULT_KEY_ID, EncryptionCodec, keyIdOf, UnknownKeyError } from '../../src/temporal/codec';

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

describe('EncryptionCodec with rotating keys', () => {
  const a = { id: 'key-a', key: Buffer.alloc(32, 0xa) };
  const b = { id: 'key-b', key: Buffer.alloc(32, 0xb) };

  it('encrypts with the first key, names it in the metadata, and decrypts with any listed key', async () => {
    const [underA] = await new EncryptionCodec([a]).encode([defaultPayloadConverter.toPayload('started under A')]);
    expect(keyIdOf(underA)).toBe('key-a');
    const rotated = new EncryptionCodec([b, a]);
    const [underB] = await rotated.encode([defaultPayloadConverter.toPayload('written after B became first')]);
    expect(keyIdOf(underB)).toBe('key-b');
    const decoded = await rotated.decode([underA, underB]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['started under A', 'written after B became first']);
  });

  it('refuses a payload under a key it does not have, naming the key id', async () => {
    const [underA] = await new EncryptionCodec([a]).encode([defaultPayloadConverter.toPayload('x')]);
    await expect(new EncryptionCodec([b]).decode([underA])).rejects.toThrow('payload was encrypted with key id "key-a"');
    await expect(new EncryptionCodec([b]).decode([underA])).rejects.toBeInstanceOf(UnknownKeyError);
  });

  it('reads PAYLOAD_ENCRYPTION_KEYS (the first encrypts) and keeps PAYLOAD_ENCRYPTION_KEY as a one-key list', () => {
    const keyA = a.key.toString('base64');
    const keyB = b.key.toString('base64');
    expect(loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `key-b:${keyB}, key-a:${keyA}` }).payloadKeys.map((k) => k.id)).toEqual([
      'key-b',
      'key-a',
    ]);
    expect(loadConfig({ PAYLOAD_ENCRYPTION_KEY: keyA }).payloadKeys).toEqual([{ id: DEFAULT_KEY_ID, key: a.key }]);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ PAYLOAD_ENCRYPTION_KEYS: `nokey` })).toContain('PAYLOAD_ENCRYPTION_KEYS[0] must be <id>:<base64 key>');
    expect(problems({ PAYLOAD_ENCRYPTION_KEYS: `short:${Buffer.alloc(8).toString('base64')}` })).toContain('(short) must be 32 bytes');
    expect(problems({ PAYLOAD_ENCRYPTION_KEYS: `x:${keyA},x:${keyB}` })).toContain('names the key id x twice');
  });
});
