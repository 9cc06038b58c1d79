#!/usr/bin/env python3
"""Draw the Byline toolbar icons (16/32/48/128 px PNG) with the standard library only.

The picture: a dark rounded tile holding a white "page" of text lines, with a short
amber line on top standing for the byline. Shapes are described in a 0..1 unit square
and rasterised with 4x4 supersampling, so every size is drawn from the same geometry.

Usage: scripts/gen/make_icons.py [OUT_DIR]   (default: extension/icons)
"""
import os
import struct
import sys
import zlib

TILE = (31, 58, 95)        # navy
PAGE = (250, 250, 247)     # off-white
TEXT = (120, 132, 150)     # grey text lines
BYLINE = (240, 160, 40)    # amber
SUPERSAMPLE = 4
SIZES = (16, 32, 48, 128)


def rounded_rect(x0, y0, x1, y1, r):
    """Inside test for a rectangle with corner radius r (unit coordinates)."""
    def inside(x, y):
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


# Layers, painted in order; the last one that covers a sample wins.
LAYERS = [
    (rounded_rect(0.0, 0.0, 1.0, 1.0, 0.18), TILE),
    (rounded_rect(0.2, 0.14, 0.8, 0.86, 0.05), PAGE),
    (rounded_rect(0.28, 0.24, 0.56, 0.34, 0.03), BYLINE),
    (rounded_rect(0.28, 0.44, 0.72, 0.51, 0.02), TEXT),
    (rounded_rect(0.28, 0.58, 0.72, 0.65, 0.02), TEXT),
    (rounded_rect(0.28, 0.72, 0.62, 0.79, 0.02), TEXT),
]


def render(size):
    """Return RGBA rows (bytes) for a size x size icon."""
    n = SUPERSAMPLE
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    colour = None
                    for inside, c in LAYERS:
                        if inside(x, y):
                            colour = c
                    if colour is not None:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 1
            covered = acc[3]
            if covered:
                row += bytes((round(acc[0] / covered), round(acc[1] / covered),
                              round(acc[2] / covered), round(255 * covered / (n * n))))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + r for r in rows)  # filter type 0 per scanline
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "extension", "icons")
    os.makedirs(out, exist_ok=True)
    for size in SIZES:
        path = os.path.join(out, f"icon-{size}.png")
        with open(path, "wb") as f:
            f.write(png(size, render(size)))
        print(path)


if __name__ == "__main__":
    main()
