// Unit tests for the pickle disassembler: opcodes of every protocol, memo and STACK_GLOBAL resolution, bad streams.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { binu, bytes, dis, glob, names, sbu } from './helpers';

const FIX = path.join(__dirname, '..', '..', 'rules', 'model');

test('protocol 0: text opcodes (GLOBAL, MARK, STRING, UNICODE, INT, FLOAT, LONG, PUT/GET, DICT, LIST, TUPLE, SETITEM, APPEND, REDUCE)', async () => {
  const p = bytes("(dp0\nS'a'\np1\nI1\nsVb\\u00e9\np2\nF1.5\nsS'c'\n((lp3\nL12L\naI01\natp4\nsg1\n", glob('collections', 'OrderedDict'), '(tRp5\ns.');
  const d = await dis(p);
  assert.equal(d.error, undefined);
  assert.deepEqual(names(d), ['collections.OrderedDict']);
  assert.equal(d.calls[0].opcode, 'REDUCE');
});

test('protocol 1: binary opcodes (BININT*, BINSTRING, SHORT_BINSTRING, BINFLOAT, EMPTY_*, APPENDS, SETITEMS, BINPUT/BINGET, LONG_BINPUT/LONG_BINGET, POP_MARK, OBJ)', async () => {
  const p = bytes('}q\x00(U\x01aJ\x01\x00\x00\x00U\x01bK\x02U\x01cM\x03\x01U\x01dG', Buffer.alloc(8), 'T\x01\x00\x00\x00e](K\x01K\x02eh\x00r\x05\x00\x00\x00j\x05\x00\x00\x00u', '(N10', ')', '(', glob('collections', 'OrderedDict'), 'o0.');
  const d = await dis(p);
  assert.equal(d.error, undefined);
  assert.equal(d.calls[0].opcode, 'OBJ');
});

test('protocol 2: PROTO, NEWOBJ, TUPLE1-3, NEWTRUE/NEWFALSE, LONG1/LONG4, EXT1 (reported unresolved)', async () => {
  const d = await dis(bytes('\x80\x02', glob('copyreg', '_reconstructor'), ')\x81\x88\x89\x8a\x02\xff\x00\x87\x8b\x01\x00\x00\x00\x01\x85\x82\x07\x86\x87.'));
  assert.equal(d.error, undefined);
  assert.equal(d.protocol, 2);
  assert.equal(d.calls[0].opcode, 'NEWOBJ');
  assert.equal(d.unresolved[0].opcode, 'EXT1');
});

test('protocol 3: BINBYTES and SHORT_BINBYTES', async () => {
  const d = await dis(bytes('\x80\x03C\x02hiB\x03\x00\x00\x00abc\x86.'));
  assert.equal(d.error, undefined);
  assert.equal(d.protocol, 3);
});

test('protocol 4: FRAME, SHORT_BINUNICODE, BINUNICODE8, BINBYTES8, EMPTY_SET, ADDITEMS, FROZENSET, MEMOIZE, STACK_GLOBAL, NEWOBJ_EX', async () => {
  const u8 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
  const p = bytes('\x80\x04\x95', u8(40), '\x8f(K\x01\x90(K\x02\x91\x86', '\x8d', u8(2), 'hi\x8e', u8(1), 'x\x86\x86',
    sbu('collections'), '\x94', sbu('OrderedDict'), '\x94\x93\x94)}\x92\x86.');
  const d = await dis(p);
  assert.equal(d.error, undefined);
  assert.deepEqual(names(d), ['collections.OrderedDict']);
  assert.equal(d.calls[0].opcode, 'NEWOBJ_EX');
});

test('protocol 5: BYTEARRAY8, NEXT_BUFFER, READONLY_BUFFER', async () => {
  const d = await dis(bytes('\x80\x05\x96', Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]), 'z\x97\x98\x86.'));
  assert.equal(d.error, undefined);
  assert.equal(d.protocol, 5);
});

for (const proto of [0, 1, 2, 3, 4, 5]) {
  test(`pickle.dumps protocol ${proto} of os.system payload: import and REDUCE are seen`, async () => {
    const d = await dis(fs.readFileSync(path.join(FIX, `pickle-dangerous-global.p${proto}.pkl`)));
    assert.equal(d.error, undefined);
    assert.match(names(d)[0], /^(posix|nt)\.system$/);
    assert.equal(d.calls[0].opcode, 'REDUCE');
    assert.equal(d.calls[0].indirect, false);
  });
}

test('STACK_GLOBAL resolves names stored with MEMOIZE and fetched with BINGET after POPs', async () => {
  const d = await dis(bytes('\x80\x04', sbu('builtins'), '\x94', sbu('exec'), '\x94', '00h\x00h\x01\x93', sbu('1'), '\x85R.'));
  assert.deepEqual(names(d), ['builtins.exec']);
  assert.equal(d.calls[0].name, 'exec');
});

test('STACK_GLOBAL resolves through PUT/GET, LONG_BINPUT/LONG_BINGET, BINUNICODE, UNICODE and STRING', async () => {
  const d = await dis(bytes('Vos\np7\n0', binu('system'), 'r\x09\x00\x00\x000', "g7\nj\x09\x00\x00\x00\x93S'x'\n\x85R."));
  assert.equal(d.error, undefined);
  assert.deepEqual(names(d), ['os.system']);
});

test('STACK_GLOBAL on a non-string (a call result) is reported unresolved', async () => {
  const d = await dis(bytes('\x80\x04', glob('collections', 'OrderedDict'), ')R', sbu('x'), '\x93.'));
  assert.equal(d.unresolved[0].opcode, 'STACK_GLOBAL');
});

test('calling the result of a call is an indirect call on the first callee', async () => {
  const d = await dis(bytes('\x80\x02', glob('builtins', 'getattr'), glob('os', 'path'), binu('x'), '\x86R', binu('y'), '\x85R.'));
  assert.deepEqual(d.calls.map((c) => [c.name, c.indirect]), [['getattr', false], ['getattr', true]]);
});

test('INST imports and calls', async () => {
  const d = await dis(bytes("(S'id'\nios\nsystem\n."));
  assert.deepEqual(names(d), ['os.system']);
  assert.equal(d.calls[0].opcode, 'INST');
});

test('truncated streams, unknown opcodes, stack underflow, undefined memo keys and bad protocols are errors, not exceptions', async () => {
  const cases: [Buffer, string, RegExp][] = [
    [bytes('\x80\x02', glob('os', 'system')), 'truncated', /without STOP/],
    [bytes('\x80\x04\x8c\x10ab'), 'truncated', /argument|string/],
    [bytes('cos\nsys'), 'truncated', /end of line/],
    [bytes('\x80\x02\xffN.'), 'unknown-opcode', /0xff/],
    [bytes('R.'), 'invalid', /underflow/],
    [bytes('h\x05.'), 'invalid', /memo key 5/],
    [bytes('\x80\x09N.'), 'invalid', /protocol 9/],
    [bytes('e.'), 'invalid', /MARK/],
    [bytes("S'unterminated\n."), 'invalid', /quoted/],
    [Buffer.alloc(0), 'truncated', /without STOP/],
  ];
  for (const [b, kind, re] of cases) {
    const d = await dis(b);
    assert.equal(d.error?.kind, kind, b.toString('latin1'));
    assert.match(d.error!.message, re);
  }
});

test('imports before an error are still reported', async () => {
  const d = await dis(bytes('\x80\x02', glob('os', 'system'), binu('id'), '\x85R\xfe'));
  assert.deepEqual(names(d), ['os.system']);
  assert.equal(d.calls.length, 1);
  assert.equal(d.error?.kind, 'unknown-opcode');
});

test('random binary junk and mutated fixtures never throw', async () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  const base = fs.readFileSync(path.join(FIX, 'pickle-dangerous-global.p4.pkl'));
  for (let i = 0; i < 500; i++) {
    const junk = Buffer.from(Array.from({ length: 1 + (i % 64) }, rand));
    await dis(junk);
    const mutated = Buffer.from(base);
    mutated[rand() % mutated.length] = rand();
    await dis(mutated);
  }
});

test('huge declared string lengths are skipped without allocation and reported as truncated', async () => {
  const d = await dis(bytes('\x80\x04\x8e', Buffer.from([0, 0, 0, 0, 0, 0, 1, 0]), 'x'));
  assert.equal(d.error?.kind, 'truncated');
});
