// An independent Casso webhook v2 signer: HMAC-SHA512(checksumKey, `${t}.${JSON with keys sorted recursively}`).
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value as object)
            .sort()
            .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
        )
      : value;

async function hmacSha512Hex(key: string, message: string) {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(message)));
  return [...sig].map((b) => b.toString(16).padStart(2, '0')).join('');
}

let nextId = Math.floor(Math.random() * 1e6);

export async function cassoCallback(
  checksumKey: string,
  fields: { amount: number; content: string; id?: number; accountNumber?: string },
  at = new Date(),
) {
  const id = fields.id ?? ++nextId;
  const body = {
    error: 0,
    data: {
      id,
      reference: `FT${id}`,
      description: fields.content,
      amount: fields.amount,
      runningBalance: 0,
      transactionDateTime: '2026-11-21 10:00:00',
      accountNumber: fields.accountNumber ?? '0000000000',
      bankName: 'VPBank',
      bankAbbreviation: 'VPB',
      virtualAccountNumber: '',
      virtualAccountName: '',
      counterAccountName: 'NGUYEN VAN A',
      counterAccountNumber: '8888888888',
      counterAccountBankId: '970415',
      counterAccountBankName: 'VietinBank',
    },
  };
  const t = String(at.getTime());
  const v1 = await hmacSha512Hex(checksumKey, `${t}.${JSON.stringify(sortKeys(body))}`);
  return { id, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${v1}` } };
}
