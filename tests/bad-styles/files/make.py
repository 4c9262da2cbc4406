#!/usr/bin/env python3
"""Writes the small hostile PNG and font files the bad-style catalogue
(tests/bad-styles/*.yaml) points at. Run from this folder; the output is
committed, so the tests do not need Python."""
import struct
import zlib


def chunk(name, data):
    return (struct.pack('>I', len(data)) + name + data +
            struct.pack('>I', zlib.crc32(name + data) & 0xFFFFFFFF))


def png(w, h, depth, colour, interlace=0, plte=None, trns=None, rows=None):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    if rows is None:
        rows = (b'\0' + bytes((w * channels * depth + 7) // 8)) * h
    out = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack(
        '>IIBBBBB', w, h, depth, colour, 0, 0, interlace))
    if plte is not None:
        out += chunk(b'PLTE', plte)
    if trns is not None:
        out += chunk(b'tRNS', trns)
    return out + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')


def write(name, data):
    with open(name, 'wb') as f:
        f.write(data)


good = png(16, 8, 8, 2)
write('text.png', b'This is a text file with a .png name.\n')
write('jpeg.png', b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01'
      b'\x00\x01\x00\x00' + bytes(64))
write('truncated.png', good[:len(good) - 20])
bad = bytearray(good)
bad[45] ^= 0xFF
write('bad-crc.png', bytes(bad))
# a 20000 x 20000 header over a few bytes of data: refused by its size
# before anything is inflated
write('huge.png', b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack(
    '>IIBBBBB', 20000, 20000, 8, 2, 0, 0, 0)) +
    chunk(b'IDAT', zlib.compress(b'\0' * 100)) + chunk(b'IEND', b''))
write('wide.png', png(4097, 1, 8, 0))
write('interlaced.png', png(16, 8, 8, 6, interlace=1))
write('rgb-trns.png', png(16, 8, 8, 2, trns=b'\0\0\0\0\0\0'))
write('palette4-trns.png', png(16, 8, 4, 3, plte=bytes(12), trns=b'\0'))
write('no-palette.png', png(16, 8, 8, 3))
write('short-data.png', png(16, 8, 8, 2, rows=bytes(10)))
write('bad-filter.png', png(16, 8, 8, 0, rows=(b'\x07' + bytes(16)) * 8))
# fonts: a PNG named as a font, and a TrueType directory of 65535 tables
write('font.ttf.png', good)
write('tables.ttf', struct.pack('>IHHHH', 0x00010000, 65535, 0, 0, 0) +
      bytes(64))
