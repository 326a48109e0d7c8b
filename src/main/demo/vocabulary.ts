// Word lists the generator draws from. Titles and names deliberately mix accents, Polish, German, CJK,
// emoji and right-to-left scripts, because search, sorting and rendering must cope with all of them.

export const TITLE_PROBLEMS: readonly string[] = [
  'Checkout button does nothing',
  'Login loop after SSO redirect',
  'Invoice PDF shows wrong VAT',
  'Upload stuck at 99%',
  'Dashboard charts are blank',
  'Password reset email never arrives',
  'Search returns no results for “Café”',
  'Cannot add a second admin',
  'Export to CSV cuts off at 1,000 rows',
  'Mobile app crashes on launch',
  'Calendar sync duplicates events',
  'Webhook retries flood our endpoint',
  'Card declined but money was taken',
  'Dark mode makes labels unreadable',
  'Bestellung für Müller GmbH hängt',
  'Erreur lors du paiement — Café Lumière',
  'Łódź office: printer settings page is empty',
  'Problème d’affichage sur la page « Mon compte »',
  'No puedo cambiar el idioma a español',
  'ログインできません',
  '支付页面加载失败',
  '결제 후 영수증이 보이지 않아요',
  'مشكلة في تسجيل الدخول',
  'הכפתור "שמור" לא עובד',
  '🚀 New onboarding flow feedback',
  'Report 📊 totals do not match',
  'Zoë can’t see the Ærø project',
  'Ticket from Ōsaka branch: slow video playback',
];

export const TITLE_CONTEXTS: readonly string[] = [
  'on Safari',
  'since the last update',
  'for enterprise workspace',
  'in Firefox only',
  'after changing plan',
  '(urgent)',
  '— customer recording',
  'on iPad',
  'with two-factor enabled',
  'for team Åsa & Björn',
];

export const SUMMARY_SENTENCES: readonly string[] = [
  'The customer clicks the button repeatedly and nothing happens; the network tab shows a 500 from /api/cart.',
  'After signing in with SSO the page reloads and returns to the login screen.',
  'The upload progress bar stalls just before completion and never finishes.',
  'The user shows that totals on the report differ from the invoice by a few cents.',
  'Le client montre que la page de paiement affiche une erreur après la saisie de la carte.',
  'Der Kunde zeigt, dass die Bestellung seit gestern im Status „In Bearbeitung“ hängt.',
  'ユーザーはログイン後に白い画面が表示されることを示しています。',
  'The agent walks the customer through re-linking their calendar account.',
  'A live call where the customer shares their screen and reproduces the crash twice.',
  'The console shows a TypeError right before the form freezes.',
  'يعرض العميل رسالة خطأ عند محاولة تسجيل الدخول.',
  'Recording ends abruptly; the customer mentions a flaky hotel Wi-Fi.',
];

export const DESCRIPTION_LINES: readonly string[] = [
  'Steps to reproduce:',
  '1. Open the billing page',
  '2. Click “Update card”',
  '3. Submit the form',
  'Expected: confirmation toast. Actual: spinner forever.',
  'Customer is on the Enterprise plan, renewal next month.',
  'Escalated to tier 2 — see linked Jira issue.',
  'Workaround: clear cookies and sign in again.',
  'Happens only with the German locale (Straße field too long?).',
  'Affected accounts: Café Lumière, Müller GmbH, Łódź Logistics.',
  'Customer quote: "it worked yesterday 🙃"',
  'Possible duplicate of an older ticket.',
  'Verified on staging; fix scheduled for the next release.',
];

export const CUSTOMER_FIRST: readonly string[] = [
  'camille',
  'noah',
  'amelie',
  'lukas',
  'sofia',
  'mateo',
  'hana',
  'omar',
  'ingrid',
  'tomasz',
  'aiko',
  'li',
  'fatima',
  'oliver',
  'chloe',
  'santiago',
  'freya',
  'yusuf',
  'elena',
  'kwame',
];
export const CUSTOMER_LAST: readonly string[] = [
  'dubois',
  'schmidt',
  'kowalski',
  'garcia',
  'tanaka',
  'haddad',
  'johansson',
  'rossi',
  'nguyen',
  'okoye',
  'fernandez',
  'novak',
  'smith',
  'yamamoto',
  'silva',
  'larsen',
];
export const CUSTOMER_DOMAINS: readonly string[] = [
  'example.com',
  'cafe-lumiere.example',
  'mueller-gmbh.example',
  'lodz-logistics.example',
  'mail.example.org',
  'shop.example.net',
];
export const PARTICIPANT_NAMES: readonly string[] = [
  'Camille Dubois',
  'Lukas Schmidt',
  'Tomasz Kowalski',
  'Sofía García',
  '田中 花子',
  'Omar Haddad',
  'Ingrid Johansson',
  'Aiko Yamamoto',
  'Kwame Okoye',
  'Chloé Rossi',
  'محمد علي',
  'Guest',
];

export const TIMEZONES: readonly string[] = [
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Warsaw',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Dubai',
  'Australia/Sydney',
  'Africa/Lagos',
];
export const NETWORK_TYPES: readonly string[] = ['wifi', 'ethernet', '4g', '5g', 'cellular', 'unknown'];
export const ISPS: readonly string[] = [
  'Orange S.A.',
  'Deutsche Telekom AG',
  'Comcast Cable',
  'Verizon Fios',
  'NTT Communications',
  'Orange Polska',
  'Vodafone',
  'BT',
  'China Telecom',
  'Telstra',
];
export const VENDORS: readonly string[] = ['Google Inc.', 'Apple Computer, Inc.', ''];

export interface ClientProfile {
  browser: string;
  os: string;
  device: string;
  deviceType: string;
  userAgent: string;
}

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    browser: 'Chrome 130',
    os: 'macOS 14.6',
    device: 'MacBook Pro',
    deviceType: 'desktop',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  },
  {
    browser: 'Safari 18',
    os: 'macOS 15.0',
    device: 'MacBook Air',
    deviceType: 'desktop',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  },
  {
    browser: 'Firefox 131',
    os: 'Windows 11',
    device: 'Windows PC',
    deviceType: 'desktop',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0',
  },
  {
    browser: 'Edge 129',
    os: 'Windows 10',
    device: 'Windows PC',
    deviceType: 'desktop',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0',
  },
  {
    browser: 'Mobile Safari 17',
    os: 'iOS 17.6',
    device: 'iPhone',
    deviceType: 'mobile',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  },
  {
    browser: 'Chrome Mobile 130',
    os: 'Android 14',
    device: 'Pixel 8',
    deviceType: 'mobile',
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  },
  {
    browser: 'Safari 17',
    os: 'iPadOS 17.5',
    device: 'iPad',
    deviceType: 'tablet',
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  },
  {
    browser: 'Chrome 128',
    os: 'Linux',
    device: 'Linux PC',
    deviceType: 'desktop',
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36',
  },
];

/** Customer-controlled strings a careless UI would execute; they must always render as text. */
export const NASTY_TITLES: readonly string[] = [
  'Profile photo broken <img src=x onerror=alert(1)>',
  'Bio field shows <script>alert("xss")</script>',
];
