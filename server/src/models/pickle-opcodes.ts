// The pickle opcode table (protocols 0-5), transcribed from CPython's Lib/pickletools.py.

/**
 * How an opcode's argument is encoded in the stream:
 * - `none`: no argument; `u1`/`u2`/`i4`/`u8`: fixed-size little-endian integers;
 * - `line`: text up to `\n`; `line2`: two such lines (module, name);
 * - `len1`/`len4`/`len8`: a 1/4/8-byte little-endian length, then that many bytes.
 */
export type ArgKind = 'none' | 'u1' | 'u2' | 'i4' | 'u8' | 'line' | 'line2' | 'len1' | 'len4' | 'len8';

/** One opcode: its pickletools name, argument encoding and the protocol that introduced it. */
export interface Opcode {
  name: string;
  arg: ArgKind;
  proto: number;
}

const table: [string, string, ArgKind, number][] = [
  // protocol 0 / 1
  ['(', 'MARK', 'none', 0], ['.', 'STOP', 'none', 0], ['0', 'POP', 'none', 0], ['1', 'POP_MARK', 'none', 1],
  ['2', 'DUP', 'none', 0], ['F', 'FLOAT', 'line', 0], ['I', 'INT', 'line', 0], ['J', 'BININT', 'i4', 1],
  ['K', 'BININT1', 'u1', 1], ['L', 'LONG', 'line', 0], ['M', 'BININT2', 'u2', 1], ['N', 'NONE', 'none', 0],
  ['P', 'PERSID', 'line', 0], ['Q', 'BINPERSID', 'none', 1], ['R', 'REDUCE', 'none', 0], ['S', 'STRING', 'line', 0],
  ['T', 'BINSTRING', 'len4', 1], ['U', 'SHORT_BINSTRING', 'len1', 1], ['V', 'UNICODE', 'line', 0],
  ['X', 'BINUNICODE', 'len4', 1], ['a', 'APPEND', 'none', 0], ['b', 'BUILD', 'none', 0], ['c', 'GLOBAL', 'line2', 0],
  ['d', 'DICT', 'none', 0], ['}', 'EMPTY_DICT', 'none', 1], ['e', 'APPENDS', 'none', 1], ['g', 'GET', 'line', 0],
  ['h', 'BINGET', 'u1', 1], ['i', 'INST', 'line2', 0], ['j', 'LONG_BINGET', 'i4', 1], ['l', 'LIST', 'none', 0],
  [']', 'EMPTY_LIST', 'none', 1], ['o', 'OBJ', 'none', 1], ['p', 'PUT', 'line', 0], ['q', 'BINPUT', 'u1', 1],
  ['r', 'LONG_BINPUT', 'i4', 1], ['s', 'SETITEM', 'none', 0], ['t', 'TUPLE', 'none', 0], [')', 'EMPTY_TUPLE', 'none', 1],
  ['u', 'SETITEMS', 'none', 1], ['G', 'BINFLOAT', 'u8', 1],
  // protocol 2
  ['\x80', 'PROTO', 'u1', 2], ['\x81', 'NEWOBJ', 'none', 2], ['\x82', 'EXT1', 'u1', 2], ['\x83', 'EXT2', 'u2', 2],
  ['\x84', 'EXT4', 'i4', 2], ['\x85', 'TUPLE1', 'none', 2], ['\x86', 'TUPLE2', 'none', 2], ['\x87', 'TUPLE3', 'none', 2],
  ['\x88', 'NEWTRUE', 'none', 2], ['\x89', 'NEWFALSE', 'none', 2], ['\x8a', 'LONG1', 'len1', 2], ['\x8b', 'LONG4', 'len4', 2],
  // protocol 3
  ['B', 'BINBYTES', 'len4', 3], ['C', 'SHORT_BINBYTES', 'len1', 3],
  // protocol 4
  ['\x8c', 'SHORT_BINUNICODE', 'len1', 4], ['\x8d', 'BINUNICODE8', 'len8', 4], ['\x8e', 'BINBYTES8', 'len8', 4],
  ['\x8f', 'EMPTY_SET', 'none', 4], ['\x90', 'ADDITEMS', 'none', 4], ['\x91', 'FROZENSET', 'none', 4],
  ['\x92', 'NEWOBJ_EX', 'none', 4], ['\x93', 'STACK_GLOBAL', 'none', 4], ['\x94', 'MEMOIZE', 'none', 4], ['\x95', 'FRAME', 'u8', 4],
  // protocol 5
  ['\x96', 'BYTEARRAY8', 'len8', 5], ['\x97', 'NEXT_BUFFER', 'none', 5], ['\x98', 'READONLY_BUFFER', 'none', 5],
];

/** Opcode by byte value; `undefined` entries are bytes that are not pickle opcodes. */
export const OPCODES: readonly (Opcode | undefined)[] = (() => {
  const out: (Opcode | undefined)[] = new Array(256).fill(undefined);
  for (const [ch, name, arg, proto] of table) out[ch.charCodeAt(0)] = { name, arg, proto };
  return out;
})();

/** Highest pickle protocol this table knows. */
export const HIGHEST_PROTOCOL = 5;
