import { leverSignature, verifyLeverSignature } from '../../src/lever/webhook';

const vector = {
  key: 'my-signature-token',
  token: 'be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154',
  triggeredAt: 1431454330072,
  signature: 'bdf0a626589489f4a473e6c464db53fe503186fa2f9ba4b00b73785ec25d3fd9',
};

describe('Lever webhook signature', () => {
  it('matches the test vector from ../shared/spec/lever.md', () => {
    expect(leverSignature(vector.key, vector.token, vector.triggeredAt)).toBe(vector.signature);
  });

  it('accepts the vector and any of several configured tokens (rotation)', () => {
    expect(verifyLeverSignature(vector, [vector.key])).toBe(true);
    expect(verifyLeverSignature(vector, ['old-token', vector.key])).toBe(true);
    expect(verifyLeverSignature({ ...vector, signature: vector.signature.toUpperCase() }, [vector.key])).toBe(true);
  });

  it('rejects a wrong key, a changed triggeredAt or token, and malformed signatures', () => {
    expect(verifyLeverSignature(vector, ['another-token'])).toBe(false);
    expect(verifyLeverSignature({ ...vector, triggeredAt: vector.triggeredAt + 1 }, [vector.key])).toBe(false);
    expect(verifyLeverSignature({ ...vector, token: `${vector.token}x` }, [vector.key])).toBe(false);
    expect(verifyLeverSignature({ ...vector, signature: undefined }, [vector.key])).toBe(false);
    expect(verifyLeverSignature({ ...vector, signature: 'zz'.repeat(32) }, [vector.key])).toBe(false);
    expect(verifyLeverSignature({ ...vector, signature: vector.signature.slice(2) }, [vector.key])).toBe(false);
    expect(verifyLeverSignature(vector, [])).toBe(false);
  });
});
