import { sha256Hex } from '../../src/xlsx/digest';

describe('sha256Hex: the fingerprint of a chosen file in the pane and on the web page', () => {
  test('lower-case hex of SHA-256 (FIPS 180-2 example "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('null where the page has no Web Crypto (served over plain http)', async () => {
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    try {
      expect(await sha256Hex(new TextEncoder().encode('abc'))).toBeNull();
    } finally {
      if (crypto) Object.defineProperty(globalThis, 'crypto', crypto);
    }
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
