// "Open in a banking app": Vietnamese banks publish no common URL scheme for a VietQR transfer, but
// VietQR.io runs a documented deep-link service that opens a given bank's app with the transfer
// filled in: https://www.vietqr.io/deeplink (Markdown: https://www.vietqr.io/deeplink.md), pattern
//   https://dl.vietqr.io/pay?app={appId}&am={amount}&tn={content}&ba={account}@{bank code}&bn={name}&url={return}
// (`ba` keeps its '@', `url` is left unencoded, the bank code is lower case). The apps listed here
// are those its changelog (https://www.vietqr.io/changelog) documents as filling in the transfer
// ("autofill"): OCB OMNI (2.12), ACB ONE (2.15), BIDV SmartBanking (2.16), VietinBank iPay (2.17),
// MB Bank (2.18). dl.vietqr.io is a third party's host: the page says so next to the links.

export interface BankApp {
  /** VietQR.io's app id (not a bank code). */
  id: string;
  name: string;
}

export const BANK_APPS: readonly BankApp[] = [
  { id: 'mb', name: 'MB Bank' },
  { id: 'icb', name: 'VietinBank iPay' },
  { id: 'bidv', name: 'BIDV SmartBanking' },
  { id: 'acb', name: 'ACB ONE' },
  { id: 'ocb', name: 'OCB OMNI' },
];

export interface DeepLinkTransfer {
  amount: number;
  content: string;
  accountNumber: string;
  /** The receiving bank's NAPAS / VietQR.io code (VCB, ICB, MB…). */
  bankCode: string;
  accountName: string;
  /** Where the app sends the payer back: the checkout page. */
  returnUrl: string;
}

const q = (value: string) => encodeURIComponent(value);

/** The dl.vietqr.io link that opens one app with the transfer filled in. */
export function deepLink(app: BankApp, t: DeepLinkTransfer): string {
  return (
    `https://dl.vietqr.io/pay?app=${q(app.id)}&am=${t.amount}&tn=${q(t.content)}` +
    `&ba=${q(t.accountNumber)}@${q(t.bankCode.toLowerCase())}&bn=${q(t.accountName)}&url=${t.returnUrl}`
  );
}
