// Email addresses: a known top-level domain, and no documentation/test domains or placeholder mailboxes.
import type { Recognizer } from './recognizer';

const GENERIC_TLDS = new Set(('com net org edu gov mil int info biz name pro aero coop museum mobi asia jobs tel travel ' +
  'io ai app dev cloud tech online site store shop blog email mail xyz top club live news space website digital ' +
  'solutions agency company services systems network group global world life media studio design email health ' +
  'bank insurance law legal finance capital consulting academy school university education care clinic hospital').split(' '));
const CC_TLDS = new Set(('ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy ' +
  'hk hm hn hr ht hu id ie il im in iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ' +
  'ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa ' +
  're ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz ' +
  'va vc ve vg vi vn vu wf ws ye yt za zm zw').split(' '));
// ccTLDs that are also source-file extensions: `setup@main.py` is far likelier a path than a mailbox.
const FILE_LIKE_TLDS = new Set(['py', 'md', 'sh', 'rs', 'pl', 'cc', 'so', 'ps', 'mk', 'in', 'am', 'ml', 'do', 'is', 'to', 'at', 'it', 'as']);
const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net|edu)|example|test|invalid|localhost|local|domain\.com|yourdomain\.com|yourcompany\.com|company\.com|test\.com|sample\.com)$/;
const PLACEHOLDER_LOCAL = /^(no-?reply|do-?not-?reply|test|tests|user|username|foo|bar|someone|example|your[._-]?(name|email)|name|email|me|you|git)$/;
// Role and team mailboxes (`info@`, `support@`, `kubeflow-pipelines@`, `ml-team@`): published to be written to, nobody's personal data.
const ROLE_LOCAL = /^(?:[\w.-]*info|contact|support|help|helpdesk|admin|administrator|team|hello|hi|sales|security|privacy|press|media|abuse|postmaster|webmaster|hostmaster|maintainers?|dev|devs|developers?|feedback|office|jobs|careers|billing|legal|marketing|community|opensource|open-source|oss|announce|bugs?|issues|ops|noc|dpo|compliance)$|[._-](?:team|dev|devs|maintainers|support|pipelines|components|users|discuss|announce|unsubscribe|subscribe|request|owner|bounces?)$|^(?:mailer-daemon|listserv|majordomo)$/;

// Dataset descriptions credit their `Creator:`/`Donor:` the same way.
const AUTHORSHIP = /\b(?:authors?|author_email|maintainers?|maintainer_email|contact|copyright|\(c\)|created by|written by|signed-off-by|co-authored-by|reported-by|reviewed-by|creators?|donors?|donated by)\b[^\n]*$/i;

/** Email addresses with a real TLD, outside reserved/documentation domains. */
export const email: Recognizer = {
  entity: 'email',
  pattern: /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/g,
  context: ['email', 'e-mail', 'mail', 'contact', 'address'],
  score(value, text, start) {
    // Authorship and contact lines (`author: Name <mail>`, `Maintainer:`, `Copyright (c) ... <mail>`) are published metadata.
    const lineStart = text.lastIndexOf('\n', start) + 1;
    if (AUTHORSHIP.test(text.slice(Math.max(lineStart, start - 120), start))) return 0;
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at).toLowerCase();
    const domain = value.slice(at + 1).toLowerCase();
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (!GENERIC_TLDS.has(tld) && !CC_TLDS.has(tld)) return 0;
    if (RESERVED_DOMAIN.test(domain) || PLACEHOLDER_LOCAL.test(local) || ROLE_LOCAL.test(local)) return 0;
    // `a@b.com`, `xy@cd.org`: one- or two-letter mailbox at a one- or two-letter domain is a textbook stand-in.
    if ((local.length <= 2 || /^x[0-9a-f]{2}/.test(local)) && domain.split('.')[0].length <= 2) return 0;
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 0;
    if (FILE_LIKE_TLDS.has(tld) && domain.split('.').length === 2) return 0.35;
    return 0.85;
  },
};
