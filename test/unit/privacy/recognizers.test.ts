// Recognizers: valid values fire with their entity type, look-alikes and invalid checksums do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aadhaar } from '../../../server/src/plugins/privacy/recognizers/aadhaar';
import { luhnValid, nhsValid, verhoeffValid, ibanMod97Valid } from '../../../server/src/plugins/privacy/checksums';
import { redact } from '../../../server/src/plugins/privacy/redact';
import { scanOptions, scanText } from '../../../server/src/plugins/privacy/scan-text';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/shared/settings';

const opts = scanOptions(DEFAULT_SETTINGS);
const entities = (text: string) => scanText(text, opts).map((m) => `${m.entity}:${m.value}`);

/** [text, expected entity:value list] per recognizer; each entity has valid and invalid examples. */
const CASES: Record<string, [string, string[]][]> = {
  email: [
    ['write to maria.garcia@gmail.com today', ['email:maria.garcia@gmail.com']],
    ['kwame.mensah@proton.me', ['email:kwame.mensah@proton.me']],
    ['docs: someone@example.com, a@b.example.org, x@host.test', []],
    ['image@2x.png noreply@company.io git@github.com:org/repo user@localhost', []],
    ['decorator @property and foo@bar', []],
  ],
  phone: [
    ['Call (415) 555-2671.', ['phone:(415) 555-2671']],
    ['intl +44 20 7946 0958', ['phone:+44 20 7946 0958']],
    ['phone: 4155552671', ['phone:4155552671']],
    ['id 4155552671 and count 20231005', []],
    ['fictional 555-0123, (202) 555-0199 and +1-202-555-0147', []],
    ['at 2023-10-05 12:30:45', []],
  ],
  'credit-card': [
    ['card 4539 1488 0343 6467', ['credit-card:4539 1488 0343 6467']],
    ['mc 5425-2334-3010-9903', ['credit-card:5425-2334-3010-9903']],
    ['amex 3714 496353 98431', []],
    ['bad luhn 4539 1488 0343 6468', []],
    ['stripe test 4242 4242 4242 4242 and 4111111111111111', []],
    ['no issuer 9539 1488 0343 6460', []],
  ],
  iban: [
    ['IBAN DE89 3704 0044 0532 0130 00', ['iban:DE89 3704 0044 0532 0130 00']],
    ['GB29NWBK60161331926819', ['iban:GB29NWBK60161331926819']],
    ['bad check DE88 3704 0044 0532 0130 00', []],
    ['wrong length DE89370400440532013', []],
  ],
  'us-ssn': [
    ['SSN 536-22-1234', ['us-ssn:536-22-1234']],
    ['ssn: 536221234', ['us-ssn:536221234']],
    ['000-12-3456 666-12-3456 536-00-1234 536-22-0000 123-45-6789 078-05-1120', []],
    ['plain 536221234 without context', []],
  ],
  'us-itin': [
    ['ITIN 912-70-1234', ['us-itin:912-70-1234']],
    ['912-40-1234 (group 40 is never an ITIN)', []],
  ],
  'uk-nhs': [
    ['NHS number: 943 476 5919', ['uk-nhs:943 476 5919']],
    ['NHS number: 943 476 5918', []],
    ['id 9434765919', []],
  ],
  'uk-nino': [
    ['NI number AB 12 34 56 C', ['uk-nino:AB 12 34 56 C']],
    ['GB123456A QQ123456C AB123456E', []],
  ],
  aadhaar: [
    ['Aadhaar 2345 6789 0124', ['aadhaar:2345 6789 0124']],
    ['Aadhaar 2345 6789 0123', []],
    ['1234 5678 9012 starts with 1', []],
  ],
  'ca-sin': [
    ['SIN: 130 692 544', ['ca-sin:130 692 544']],
    ['SIN: 130 692 545', []],
    ['fictional SIN 046 454 286', []],
    ['130 692 544 without context', []],
  ],
  'ip-address': [
    ['client 81.2.69.142 connected', ['ip-address:81.2.69.142']],
    ['from 2a03:2880:f12f:83:face:b00c:0:25de', ['ip-address:2a03:2880:f12f:83:face:b00c:0:25de']],
    ['10.1.2.3 172.16.0.1 192.168.1.1 127.0.0.1 169.254.1.1 192.0.2.10 198.51.100.7 203.0.113.9 8.8.8.8', []],
    ['version 1.2.3.4, torch==2.1.0.1, v10.2.3.4, 1.2.3.4.5', []],
    ['2001:db8::1 fe80::1 ::1 x[1::2] 12:30:45', []],
  ],
  'mac-address': [
    ['mac 3c:22:fb:1a:9e:04', ['mac-address:3c:22:fb:1a:9e:04']],
    ['00:00:00:00:00:00 ff:ff:ff:ff:ff:ff 01:00:5e:00:00:fb', []],
  ],
  'date-of-birth': [
    ['DOB: 1987-03-14', ['date-of-birth:1987-03-14']],
    ['"date_of_birth": "14/03/1987"', ['date-of-birth:14/03/1987']],
    ['Patient DOB 14/03/1987, born on 3 March 1987', ['date-of-birth:14/03/1987', 'date-of-birth:3 March 1987']],
    ['created: 1987-03-14', []],
    ['dob: 2999-01-01', []],
  ],
  'street-address': [
    ['address: 221 Baker Street', ['street-address:221 Baker Street']],
    ['address: 0x7ffe', []],
    ['email_address: nobody', []],
  ],
  'person-name': [
    ['full_name: Maria Garcia', ['person-name:Maria Garcia']],
    ['"first_name": "Wei"', ['person-name:Wei']],
    ['name: resnet50', []],
    ['name: Adam', []],
    ['full_name: John Doe', []],
    ['Maria Garcia wrote this', []],
  ],
  'look-alikes': [
    ['run 123e4567-e89b-12d3-a456-426614174000', []],
    ['sha 3f786850e387550fdab836ed7e6dc881de23001b md5 d41d8cd98f00b204e9800998ecf8427e', []],
    ['ts 1699999999123 epoch 1700000000 at 2021-03-04T05:06:07Z', []],
    ['lat 37.7749, -122.4194 price 1,234,567.89 isbn 978-3-16-148410-0', []],
    ['Copyright 2001-2023, RFCs 2045-2047', []],
    ['oid 2.5.4.3, 2.5.29.17, 1.3.6.1 and version quad 3.1.4.1; docs IP 123.45.67.89', []],
    ['ssn example 111-22-3333', []],
  ],
};

for (const [entity, cases] of Object.entries(CASES)) {
  test(`recognizer ${entity}`, () => {
    for (const [text, want] of cases) assert.deepEqual(entities(text), want, text);
  });
}

test('checksums', () => {
  assert.ok(luhnValid('4539148803436467') && !luhnValid('4539148803436468'));
  assert.ok(verhoeffValid('234567890124') && !verhoeffValid('234567890123'));
  assert.ok(nhsValid('9434765919') && !nhsValid('9434765918'));
  assert.ok(ibanMod97Valid('GB29NWBK60161331926819') && !ibanMod97Valid('GB28NWBK60161331926819'));
  assert.ok(aadhaar.score('2345 6789 0124', '', 0) > 0);
});

test('context words raise confidence; a column name counts as context', () => {
  const [plain] = scanText('call (415) 555-2671', opts);
  const [bare] = scanText('x (415) 555-2671', opts);
  assert.ok(plain.confidence > bare.confidence);
  assert.deepEqual(scanText('536221234', opts, 'ssn').map((m) => m.entity), ['us-ssn']);
  assert.deepEqual(scanText('Maria Garcia', opts, 'customer_name').map((m) => m.entity), ['person-name']);
  assert.deepEqual(scanText('1.2.3.4', opts, 'model_version'), []);
});

test('redaction never shows the full value', () => {
  assert.equal(redact('email', 'john.smith@example-corp.com'), 'j***@e***.com');
  assert.equal(redact('us-ssn', '536-22-1234'), '***-**-1234');
  assert.equal(redact('credit-card', '4539 1488 0343 6467'), '**** **** **** 6467');
  assert.equal(redact('ip-address', '81.2.69.142'), '81.***.***.***');
  assert.equal(redact('person-name', 'Maria Garcia'), 'M*** G***');
  assert.equal(redact('date-of-birth', '1987-03-14'), '****-**-**');
  assert.equal(redact('iban', 'DE89370400440532013000'), 'DE****************3000');
});

test('settings: entity types off, minimum confidence, allowlist of values and domains', () => {
  const text = 'maria.garcia@gmail.com ops@acme-corp.io SSN 536-22-1234 81.2.69.142';
  const { settings, warnings } = parseSettings({ privacy: { entities: { 'us-ssn': false }, allowlist: ['@acme-corp.io', '81.2.69.142'] } });
  assert.deepEqual(warnings, []);
  assert.deepEqual(scanText(text, scanOptions(settings)).map((m) => m.value), ['maria.garcia@gmail.com']);
  const strict = parseSettings({ privacy: { minConfidence: 0.95 } }).settings;
  assert.deepEqual(scanText('x (415) 555-2671', scanOptions(strict)), []);
  const bad = parseSettings({ privacy: { minConfidence: 3, entities: { email: 'no' }, dataFileBudgetMB: -1, allowlist: 'x' } });
  assert.equal(bad.warnings.length, 4);
  assert.deepEqual(bad.settings.privacy, DEFAULT_SETTINGS.privacy);
  assert.equal(parseSettings({ privacy: { dataFileBudgetMB: 2 } }).settings.privacy.dataFileBudget, 2 * 1024 * 1024);
  assert.equal(parseSettings({ privacy: 7 }).warnings.length, 1);
});

test('hostile input: huge lines, binary junk and deep nesting do not throw', () => {
  const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  assert.doesNotThrow(() => scanText(junk, opts));
  assert.doesNotThrow(() => scanText('1'.repeat(3_000_000), opts));
  assert.doesNotThrow(() => scanText(`${'a@'.repeat(100_000)}b.com`, opts));
});
