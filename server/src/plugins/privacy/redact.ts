// Redaction: the only form in which a recognised value may leave the plugin (messages, properties, samples).
import type { EntityType } from './entities';

function maskKeepLast(value: string, keep: number): string {
  let seen = 0;
  const chars = value.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[A-Za-z0-9]/.test(chars[i])) continue;
    if (seen++ >= keep) chars[i] = '*';
  }
  return chars.join('');
}

/** A redacted sample: `j***@e***.com`, `***-**-1234`, `203.***.***.***`, `J*** S***`. */
export function redact(entity: EntityType, value: string): string {
  switch (entity) {
    case 'email': {
      const at = value.lastIndexOf('@');
      const domain = value.slice(at + 1);
      const dot = domain.lastIndexOf('.');
      return `${value[0]}***@${domain[0]}***${domain.slice(dot)}`;
    }
    case 'ip-address':
      return value.includes(':') ? `${value.split(':')[0]}:****:…` : `${value.split('.')[0]}.***.***.***`;
    case 'mac-address':
      return `${value.slice(0, 8)}${value.slice(8).replace(/[0-9A-Fa-f]/g, '*')}`;
    case 'person-name':
    case 'street-address':
      return value.trim().split(/\s+/).slice(0, 4).map((w) => `${w[0]}***`).join(' ');
    case 'date-of-birth':
      return value.replace(/\d/g, '*').replace(/[A-Za-z]+/g, '***');
    case 'iban':
      return `${value.slice(0, 2)}${maskKeepLast(value.slice(2), 4)}`;
    default:
      // Card, SSN, NHS... numbers: keep the last four characters, like a receipt.
      return maskKeepLast(value, value.replace(/[^A-Za-z0-9]/g, '').length > 8 ? 4 : 2);
  }
}
