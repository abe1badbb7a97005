import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@brobygger/config';

/** Where development keeps its generated key (git-ignored with the rest of `.data`). */
export const DEVELOPMENT_KEY_FILE = '.data/cpr.key';
const FORMAT_VERSION = 1;

function developmentKey(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': of two processes starting together, one writes and both then read the same key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/**
 * CPR numbers at rest: AES-256-GCM for the value, HMAC-SHA256 for lookup. Both keys are derived
 * from one master key with HKDF, so the lookup hash never reveals anything about the cipher key.
 */
@Injectable()
export class CprCipher {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const master = config.cprEncryptionKey
      ? Buffer.from(config.cprEncryptionKey, 'base64')
      : developmentKey(resolve(DEVELOPMENT_KEY_FILE));
    if (master.length !== 32) throw new Error('The CPR key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'brobygger cpr aes-256-gcm v1', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'brobygger cpr hmac-sha256 v1', 32));
  }

  /** Keyed hash of the ten digits: equal CPR numbers find each other, the table alone reveals none. */
  lookupHash(digits: string): Buffer {
    return createHmac('sha256', this.lookupKey).update(digits).digest();
  }

  /** version | iv (12) | tag (16) | ciphertext; the citizen id is bound as associated data. */
  encrypt(digits: string, citizenId: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(citizenId));
    const body = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(stored: Buffer, citizenId: string): string {
    if (stored[0] !== FORMAT_VERSION) throw new Error('Unknown CPR cipher format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, stored.subarray(1, 13));
    decipher.setAAD(Buffer.from(citizenId));
    decipher.setAuthTag(stored.subarray(13, 29));
    return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
  }
}
