/**
 * RGBA pixels → PNG bytes. Page images are black on white: a page whose
 * pixels are all gray is written as an 8-bit gray PNG (a quarter of the data
 * to compress, files about a third the size of Skia's RGBA ones, and about a
 * quarter of the time); anything in colour (a diff) as RGBA. zlib at its
 * default level, no row filters: the same pixels give the same bytes.
 */
import { deflateSync } from 'node:zlib';
import type { Raster } from '../types.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GRAY = 0;
const RGBA = 6;

export function encodePng(r: Raster): Buffer {
  const gray = isGray(r.data);
  const channels = gray ? 1 : 4;
  const stride = r.width * channels + 1;
  const raw = Buffer.alloc(stride * r.height);
  for (let y = 0; y < r.height; y++) {
    // Each row starts with its filter type, 0 (none).
    const row = y * stride + 1;
    const from = y * r.width * 4;
    if (gray) for (let x = 0; x < r.width; x++) raw[row + x] = r.data[from + x * 4]!;
    else raw.set(r.data.subarray(from, from + r.width * 4), row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(r.width, 0);
  header.writeUInt32BE(r.height, 4);
  header[8] = 8; // bits per channel
  header[9] = gray ? GRAY : RGBA;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every pixel gray and opaque. */
function isGray(d: Uint8ClampedArray): boolean {
  for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i] !== d[i + 2] || d[i + 3] !== 255) return false;
  return true;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
