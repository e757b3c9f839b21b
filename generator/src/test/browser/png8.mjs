// Makes Chromium's screenshots small enough to commit (docs/themes/*.png): an 8-bit RGB or RGBA PNG
// becomes a PNG of at most 256 colours (the commonest, with every other pixel given the nearest of
// them), which is what pages of flat colours and anti-aliased text need. Used by network.test.mjs.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The pixels of an 8-bit, non-interlaced RGB or RGBA PNG, as { width, height, channels, data }. */
function decode(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('not a PNG');
  }
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = { 2: 3, 6: 4 }[data[9]];
      if (data[8] !== 8 || !channels || data[12] !== 0) {
        throw new Error('only 8-bit, non-interlaced RGB or RGBA PNGs are read here');
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[out + x - channels] : 0;
      const b = y > 0 ? data[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? data[out - stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) {
        v += a;
      } else if (filter === 2) {
        v += b;
      } else if (filter === 3) {
        v += (a + b) >> 1;
      } else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[out + x] = v & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** The PNG with at most 256 colours (alpha dropped: screenshots are opaque). */
export function png8(png) {
  const { width, height, channels, data } = decode(png);
  const pixels = width * height;
  // the commonest colours, counted at 5 bits a channel, each the mean of the pixels it stands for
  const key = (i) => ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
  const count = new Uint32Array(32768);
  const sum = new Float64Array(32768 * 3);
  for (let p = 0, i = 0; p < pixels; p++, i += channels) {
    const k = key(i);
    count[k]++;
    sum[k * 3] += data[i];
    sum[k * 3 + 1] += data[i + 1];
    sum[k * 3 + 2] += data[i + 2];
  }
  const used = [...count.keys()].filter((k) => count[k] > 0).sort((a, b) => count[b] - count[a]);
  const palette = used.slice(0, 256).map((k) => [0, 1, 2].map((c) => Math.round(sum[k * 3 + c] / count[k])));
  const index = new Int16Array(32768).fill(-1);
  const nearest = (k) => {
    if (index[k] < 0) {
      const r = ((k >> 10) << 3) + 4;
      const g = (((k >> 5) & 31) << 3) + 4;
      const b = ((k & 31) << 3) + 4;
      let best = 0;
      let bestDistance = Infinity;
      palette.forEach(([pr, pg, pb], n) => {
        const d = 3 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 2 * (pb - b) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = n;
        }
      });
      index[k] = best;
    }
    return index[k];
  };
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // no filter: what palette pictures compress best with
    for (let x = 0; x < width; x++) {
      rows[y * (width + 1) + 1 + x] = nearest(key((y * width + x) * channels));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: palette
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
