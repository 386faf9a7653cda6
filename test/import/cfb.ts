// A minimal compound file (the OLE2 container of old .doc/.xls files and of password-protected
// .docx/.xlsx files), written by the tests to check how the importer refuses them. It is a valid
// version-3 compound file: one FAT sector, one directory sector, and streams of 4096 bytes (so no
// mini stream). Word puts "EncryptionInfo" and "EncryptedPackage" in a protected .docx and
// "WordDocument" in a .doc; the stream contents here are filler, as nothing reads past the names.

const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export function compoundFile(streams: string[]): Uint8Array {
  const size = 4096;
  const perStream = size / 512;
  const sectors = 2 + streams.length * perStream;
  const out = new Uint8Array(512 * (1 + sectors));
  const v = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  v.setUint16(24, 0x003e, true);
  v.setUint16(26, 0x0003, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 4096, true); // mini stream cutoff
  v.setUint32(60, END, true); // first mini FAT sector
  v.setUint32(68, END, true); // first DIFAT sector
  for (let i = 0; i < 109; i++) v.setUint32(76 + 4 * i, i === 0 ? 0 : FREE, true);
  const sector = (n: number) => 512 * (1 + n);
  // FAT: sector 0 is the FAT, 1 the directory, then each stream's chain.
  for (let i = 0; i < 128; i++) v.setUint32(sector(0) + 4 * i, FREE, true);
  v.setUint32(sector(0), FATSECT, true);
  v.setUint32(sector(0) + 4, END, true);
  streams.forEach((_, s) => {
    const first = 2 + s * perStream;
    for (let k = 0; k < perStream; k++) v.setUint32(sector(0) + 4 * (first + k), k === perStream - 1 ? END : first + k + 1, true);
    for (let k = 0; k < size; k++) out[sector(first) + k] = (k * 31 + s) & 0xff;
  });
  // Directory: the root entry, then the streams as a chain of right siblings.
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, len: number) => {
    const at = sector(1) + 128 * i;
    for (let k = 0; k < name.length; k++) v.setUint16(at + 2 * k, name.charCodeAt(k), true);
    v.setUint16(at + 64, 2 * (name.length + 1), true);
    out[at + 66] = type;
    out[at + 67] = 1;
    v.setUint32(at + 68, NOSTREAM, true);
    v.setUint32(at + 72, right, true);
    v.setUint32(at + 76, child, true);
    v.setUint32(at + 116, start, true);
    v.setUint32(at + 120, len, true);
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : NOSTREAM, NOSTREAM, END, 0);
  streams.forEach((name, s) => entry(1 + s, name, 2, NOSTREAM, s + 1 < streams.length ? s + 2 : NOSTREAM, 2 + s * perStream, size));
  for (let i = 1 + streams.length; i < 4; i++) {
    const at = sector(1) + 128 * i;
    v.setUint32(at + 68, NOSTREAM, true);
    v.setUint32(at + 72, NOSTREAM, true);
    v.setUint32(at + 76, NOSTREAM, true);
  }
  return out;
}
