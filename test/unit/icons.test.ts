// The committed icons (npm run icons, from resources/icon.svg) are what each installer format reads.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const resources = resolve(import.meta.dirname, '../../resources');
const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('installer icons', () => {
  it('Linux: one PNG per hicolor size, each as large as its name says', () => {
    const files = readdirSync(join(resources, 'icons'));
    expect(files).toEqual(
      expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '256x256.png', '512x512.png']),
    );
    for (const file of files) {
      const n = Number(file.split('x')[0]);
      expect(pngSize(readFileSync(join(resources, 'icons', file))), file).toEqual([n, n]);
    }
  });

  it('Windows: an ICO with 16 to 256 px, bitmaps below 256 px (NSIS reads no PNG entries there)', () => {
    const ico = readFileSync(join(resources, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const size = ico[at] === 0 ? 256 : ico[at]!;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const isPng = ico.readUInt32BE(offset) === 0x89504e47;
      if (size < 256) {
        expect(isPng, `${size} px`).toBe(false);
        expect(ico.readUInt32LE(offset)).toBe(40);
        expect(ico.readInt32LE(offset + 8)).toBe(size * 2);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      } else {
        expect(pngSize(ico.subarray(offset, offset + length))).toEqual([256, 256]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('macOS: an ICNS whose entries cover 16 to 1024 px', () => {
    const icns = readFileSync(join(resources, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: Record<string, [number, number]> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      entries[icns.toString('latin1', at, at + 4)] = pngSize(icns.subarray(at + 8));
    }
    expect(entries['icp4']).toEqual([16, 16]);
    expect(entries['ic07']).toEqual([128, 128]);
    expect(entries['ic10']).toEqual([1024, 1024]);
    expect(entries['ic14']).toEqual([512, 512]);
  });
});
