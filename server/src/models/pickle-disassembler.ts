// Walks one pickle stream opcode by opcode with a simulated stack and memo; records imports and calls, runs nothing.
import type { ByteReader } from './byte-reader';
import { HIGHEST_PROTOCOL, OPCODES, type Opcode } from './pickle-opcodes';
import { decodeIndexArg, decodeNameLine, decodeStringArg, decodeUnicodeArg } from './pickle-text';

/** A global the pickle imports (GLOBAL, INST or STACK_GLOBAL), as written in the stream. */
export interface PickleImport {
  module: string;
  name: string;
  offset: number;
  opcode: 'GLOBAL' | 'INST' | 'STACK_GLOBAL';
}

/** A call the pickle makes when loaded: REDUCE/INST/OBJ/NEWOBJ applied to a known callable. */
export interface PickleCall {
  /** The callable's global (for `indirect` calls, the global whose call result is called). */
  module: string;
  name: string;
  offset: number;
  opcode: string;
  /** The callable is itself the result of a call (e.g. `getattr(os, 'system')(...)`). */
  indirect: boolean;
}

/** Something in the stream that imports code but cannot be resolved statically. */
export interface Unresolved {
  offset: number;
  opcode: string;
  detail: string;
}

/** Why parsing stopped before a STOP opcode. */
export interface StreamError {
  offset: number;
  kind: 'truncated' | 'unknown-opcode' | 'invalid' | 'limit';
  message: string;
}

/** The result of walking one pickle stream. */
export interface Disassembly {
  start: number;
  /** Offset just after STOP, or where parsing stopped. */
  end: number;
  protocol?: number;
  imports: PickleImport[];
  calls: PickleCall[];
  unresolved: Unresolved[];
  opcodes: number;
  error?: StreamError;
}

type Value = { k: 'str'; v: string } | { k: 'global' | 'call'; module: string; name: string } | { k: 'other' };
const OTHER: Value = { k: 'other' };

/** Resource caps: beyond them the walk stops (stack) or stops remembering (memo), and says so. */
export const PICKLE_LIMITS = { maxLine: 65536, maxString: 4096, maxStack: 1_000_000, maxMemo: 1_000_000 };

class Stop extends Error {
  constructor(readonly info: StreamError) {
    super(info.message);
  }
}

/**
 * Disassembles one pickle starting at the reader's position, up to and including STOP.
 * Never throws for bad input: a truncated, invalid or unknown opcode ends the walk with `error`.
 */
export async function disassemblePickle(r: ByteReader): Promise<Disassembly> {
  const out: Disassembly = { start: r.offset, end: r.offset, imports: [], calls: [], unresolved: [], opcodes: 0 };
  const stack: Value[] = [];
  const marks: number[] = [];
  const memo = new Map<number, Value>();
  let memoFull = false;
  let at = r.offset;
  const fail = (kind: StreamError['kind'], message: string): never => {
    throw new Stop({ offset: at, kind, message });
  };
  const need = async (n: number): Promise<void> => {
    if (r.available() < n && (await r.fill(n)) < n) fail('truncated', `stream ends inside ${n}-byte argument`);
  };
  const u = async (n: 1 | 2 | 4 | 8): Promise<number> => {
    await need(n);
    const b = r.take(n);
    if (n === 8) {
      const v = b.readBigUInt64LE(0);
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail('invalid', 'length or frame size too large');
      return Number(v);
    }
    return b.readUIntLE(0, n);
  };
  const line = async (): Promise<Buffer> => (await r.line(PICKLE_LIMITS.maxLine)) ?? fail('truncated', 'missing end of line in text argument');
  const bytesArg = async (n: number, decode: (b: Buffer) => string): Promise<Value> => {
    if (n > PICKLE_LIMITS.maxString) {
      if ((await r.skip(n)) < n) fail('truncated', `stream ends inside a ${n}-byte string`);
      return OTHER;
    }
    await need(n);
    return { k: 'str', v: decode(r.take(n)) };
  };
  const push = (v: Value) => {
    if (stack.length >= PICKLE_LIMITS.maxStack) fail('limit', `stack deeper than ${PICKLE_LIMITS.maxStack} items`);
    stack.push(v);
  };
  const floor = () => (marks.length ? marks[marks.length - 1] : 0);
  const pop = (): Value => (stack.length > floor() ? stack.pop()! : fail('invalid', 'stack underflow'));
  const popMark = (): Value[] => {
    if (!marks.length) fail('invalid', 'no MARK on the stack');
    return stack.splice(marks.pop()!);
  };
  const top = (): Value => (stack.length > floor() ? stack[stack.length - 1] : fail('invalid', 'memo store from an empty stack'));
  const put = (i: number | undefined) => {
    if (i === undefined) fail('invalid', 'bad memo index');
    const v = top();
    if (memo.size >= PICKLE_LIMITS.maxMemo && !memo.has(i!)) memoFull = true;
    else memo.set(i!, v);
  };
  const get = (i: number | undefined) => {
    const v = i === undefined ? undefined : memo.get(i);
    if (v === undefined && !memoFull) fail('invalid', `memo key ${i ?? '?'} is not defined`);
    push(v ?? OTHER);
  };
  const imported = (module: string, name: string, opcode: PickleImport['opcode']): Value => {
    out.imports.push({ module, name, offset: at, opcode });
    return { k: 'global', module, name };
  };
  const call = (fn: Value | undefined, opcode: string): Value => {
    if (fn?.k !== 'global' && fn?.k !== 'call') return OTHER;
    out.calls.push({ module: fn.module, name: fn.name, offset: at, opcode, indirect: fn.k === 'call' });
    return { k: 'call', module: fn.module, name: fn.name };
  };

  try {
    for (;;) {
      at = r.offset;
      if (r.available() < 1 && (await r.fill(1)) < 1) fail('truncated', 'stream ends without STOP');
      const code = r.byte();
      const op: Opcode | undefined = OPCODES[code];
      if (!op) fail('unknown-opcode', `unknown opcode 0x${code.toString(16).padStart(2, '0')}`);
      out.opcodes++;
      switch (op!.name) {
        case 'STOP': pop(); out.end = r.offset; return out;
        case 'PROTO': {
          const p = await u(1);
          if (p > HIGHEST_PROTOCOL) fail('invalid', `unsupported pickle protocol ${p}`);
          out.protocol ??= p;
          break;
        }
        case 'MARK': marks.push(stack.length); break;
        case 'POP': if (stack.length > floor()) stack.pop(); else popMark(); break;
        case 'POP_MARK': popMark(); break;
        case 'DUP': push(top()); break;
        case 'FLOAT': case 'INT': case 'LONG': await line(); push(OTHER); break;
        case 'BININT': await u(4); push(OTHER); break;
        case 'BINFLOAT': await need(8); r.take(8); push(OTHER); break;
        case 'BININT1': await u(1); push(OTHER); break;
        case 'BININT2': await u(2); push(OTHER); break;
        case 'LONG1': case 'LONG4': await r.skip(await u(op!.arg === 'len1' ? 1 : 4)); push(OTHER); break;
        case 'NONE': case 'NEWTRUE': case 'NEWFALSE': case 'EMPTY_DICT': case 'EMPTY_LIST': case 'EMPTY_TUPLE': case 'EMPTY_SET': case 'NEXT_BUFFER': push(OTHER); break;
        case 'PERSID': await line(); push(OTHER); break;
        case 'BINPERSID': pop(); push(OTHER); break;
        case 'REDUCE': { pop(); push(call(pop(), 'REDUCE')); break; }
        case 'STRING': { const s = decodeStringArg(await line()); if (s === undefined) fail('invalid', 'STRING argument is not quoted'); push({ k: 'str', v: s! }); break; }
        case 'UNICODE': push({ k: 'str', v: decodeUnicodeArg(await line()) }); break;
        case 'BINSTRING': case 'BINBYTES': push(await bytesArg(await u(4), (b) => b.toString('latin1'))); break;
        case 'SHORT_BINSTRING': case 'SHORT_BINBYTES': push(await bytesArg(await u(1), (b) => b.toString('latin1'))); break;
        case 'BINBYTES8': case 'BYTEARRAY8': push(await bytesArg(await u(8), (b) => b.toString('latin1'))); break;
        case 'BINUNICODE': push(await bytesArg(await u(4), (b) => b.toString('utf8'))); break;
        case 'SHORT_BINUNICODE': push(await bytesArg(await u(1), (b) => b.toString('utf8'))); break;
        case 'BINUNICODE8': push(await bytesArg(await u(8), (b) => b.toString('utf8'))); break;
        case 'APPEND': pop(); top(); break;
        case 'APPENDS': case 'SETITEMS': case 'ADDITEMS': popMark(); top(); break;
        case 'BUILD': pop(); top(); break;
        case 'SETITEM': pop(); pop(); top(); break;
        case 'GLOBAL': case 'INST': {
          const module = decodeNameLine(await line());
          const name = decodeNameLine(await line());
          const g = imported(module, name, op!.name);
          if (op!.name === 'GLOBAL') push(g);
          else { popMark(); push(call(g, 'INST')); }
          break;
        }
        case 'STACK_GLOBAL': {
          const name = pop();
          const module = pop();
          if (module.k === 'str' && name.k === 'str') push(imported(module.v, name.v, 'STACK_GLOBAL'));
          else {
            out.unresolved.push({ offset: at, opcode: 'STACK_GLOBAL', detail: 'module or name is not a plain string' });
            push({ k: 'global', module: '<unresolved>', name: 'STACK_GLOBAL' });
          }
          break;
        }
        case 'DICT': case 'LIST': case 'TUPLE': case 'FROZENSET': popMark(); push(OTHER); break;
        case 'OBJ': { const items = popMark(); if (!items.length) fail('invalid', 'OBJ without a class'); push(call(items[0], 'OBJ')); break; }
        case 'NEWOBJ': { pop(); push(call(pop(), 'NEWOBJ')); break; }
        case 'NEWOBJ_EX': { pop(); pop(); push(call(pop(), 'NEWOBJ_EX')); break; }
        case 'TUPLE1': pop(); push(OTHER); break;
        case 'TUPLE2': pop(); pop(); push(OTHER); break;
        case 'TUPLE3': pop(); pop(); pop(); push(OTHER); break;
        case 'GET': get(decodeIndexArg(await line())); break;
        case 'BINGET': get(await u(1)); break;
        case 'LONG_BINGET': get(await u(4)); break;
        case 'PUT': put(decodeIndexArg(await line())); break;
        case 'BINPUT': put(await u(1)); break;
        case 'LONG_BINPUT': put(await u(4)); break;
        case 'MEMOIZE': put(memo.size); break;
        case 'FRAME': await u(8); break;
        case 'READONLY_BUFFER': top(); break;
        case 'EXT1': case 'EXT2': case 'EXT4': {
          const n = await u(op!.arg === 'u1' ? 1 : op!.arg === 'u2' ? 2 : 4);
          out.unresolved.push({ offset: at, opcode: op!.name, detail: `copyreg extension code ${n}` });
          push({ k: 'global', module: '<extension>', name: String(n) });
          break;
        }
        default: fail('unknown-opcode', `opcode ${op!.name} not handled`);
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    out.error = e.info;
    out.end = r.offset;
    return out;
  }
}
