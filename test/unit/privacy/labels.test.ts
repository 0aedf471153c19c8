// Labelled person names: a name part may be one word; a role's name (member_name, owner_name) must look like a full name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelledScore } from '../../../server/src/plugins/privacy/labels';

test('schema fields named like roles are not people unless the value is a full name', () => {
  assert.equal(labelledScore('person-name', 'Name', 'memberName'), 0);
  assert.equal(labelledScore('person-name', 'Stack', 'ownerName'), 0);
  assert.ok(labelledScore('person-name', 'Maria Garcia', 'member_name') > 0);
  assert.ok(labelledScore('person-name', 'Garcia', 'last_name') > 0);
  assert.ok(labelledScore('person-name', 'Maria', 'firstName') > 0);
});
