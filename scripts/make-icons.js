#!/usr/bin/env node
// Draws the add-in's icons (a green report table with a check mark) and writes them as PNG files
// into assets/: icon-16.png, icon-32.png, icon-64.png, icon-80.png (and icon-128.png for stores).
// No image library: shapes are rasterised with 4x4 supersampling and encoded with zlib.
// Usage: node scripts/make-icons.js [outDir]
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];

// Colours (RGBA, 0-255).
const GREEN = [0x1e, 0x7b, 0x4d, 255];
const DARK_GREEN = [0x12, 0x5c, 0x37, 255];
const WHITE = [255, 255, 255, 255];
const GOLD = [0xf2, 0xb7, 0x05, 255];

// ---------- PNG encoding ----------
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** @param {number} size @param {Uint8Array} rgba size*size*4 bytes */
function encodePng(size, rgba) {
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    header,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- drawing ----------
// Coordinates are in a 0..1 unit square; each shape is a predicate inside(x, y).

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A thick line segment with round caps. */
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= halfWidth * halfWidth;
  };
}

function union(...shapes) {
  return (x, y) => shapes.some((s) => s(x, y));
}

/**
 * The glyph, drawn back to front: a green tile; a white sheet with a dark-green header band and
 * green grid lines (a table of 3 columns x 3 rows); a gold disc with a white check mark.
 * Small sizes get thicker lines so the grid stays visible at 16 px.
 */
function layers(size) {
  const px = 1 / size;
  const line = Math.max(px, 0.045);
  const tile = roundedRect(0, 0, 1, 1, 0.16);
  const sheet = rect(0.14, 0.14, 0.86, 0.86);
  const header = rect(0.14, 0.14, 0.86, 0.36);
  const grid = union(
    // vertical lines between columns
    rect(0.38 - line / 2, 0.36, 0.38 + line / 2, 0.86),
    rect(0.62 - line / 2, 0.36, 0.62 + line / 2, 0.86),
    // horizontal lines between rows
    rect(0.14, 0.525 - line / 2, 0.86, 0.525 + line / 2),
    rect(0.14, 0.695 - line / 2, 0.86, 0.695 + line / 2),
  );
  const disc = circle(0.72, 0.72, 0.26);
  const ring = circle(0.72, 0.72, 0.26 + Math.max(px * 1.2, 0.035));
  const checkWidth = Math.max(px * 0.9, 0.045);
  const check = union(segment(0.6, 0.73, 0.69, 0.82, checkWidth), segment(0.69, 0.82, 0.85, 0.62, checkWidth));
  return [
    [tile, GREEN],
    [sheet, WHITE],
    [header, DARK_GREEN],
    [grid, GREEN],
    [ring, WHITE],
    [disc, GOLD],
    [check, WHITE],
  ];
}

function render(size) {
  const ss = 4; // samples per axis
  const out = new Uint8Array(size * size * 4);
  const shapes = layers(size);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (pxl + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let colour = null;
          for (const [shape, c] of shapes) if (shape(x, y)) colour = c;
          if (colour) {
            // premultiplied accumulation
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const i = (py * size + pxl) * 4;
      const n = ss * ss;
      if (a > 0) {
        const cover = a / 255;
        out[i] = Math.round(r / cover);
        out[i + 1] = Math.round(g / cover);
        out[i + 2] = Math.round(b / cover);
      }
      out[i + 3] = Math.round(a / n);
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
