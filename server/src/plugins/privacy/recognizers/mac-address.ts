// MAC addresses: six hex octets with one consistent separator; all-zero, broadcast and multicast excluded.
import type { Recognizer } from './recognizer';

/** `3c:22:fb:1a:9e:04` or `3C-22-FB-1A-9E-04`. */
export const macAddress: Recognizer = {
  entity: 'mac-address',
  pattern: /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])/g,
  context: ['mac', 'mac_address', 'hwaddr', 'ether', 'device', 'bssid', 'wifi'],
  score(value) {
    const hex = value.replace(/[:-]/g, '').toLowerCase();
    if (/^(.)\1+$/.test(hex)) return 0;
    // Multicast bit set (01:00:5e..., 33:33...): group addresses, not a device.
    if (parseInt(hex.slice(0, 2), 16) & 1) return 0;
    // Digit-only octets joined by '-' read as dates or counters more often than as MACs.
    if (/^[\d-]+$/.test(value) && value.includes('-')) return 0.3;
    return 0.6;
  },
};
