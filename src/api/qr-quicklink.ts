import type { z } from '@hono/zod-openapi';
import { resolveBank } from '../qr/banks';
import { encodeOrProblem, unknownBank } from './qr-encode';
import type { quicklinkQuery } from './qr-schemas';

/** The VietQR payload a quicklink query names (GET /qr.svg, /qr.png); 422 problems name the query parameter. */
export function quicklinkPayload(query: z.infer<typeof quicklinkQuery>): string {
  const { bank, account, amount, content, name } = query;
  const resolved = resolveBank(bank);
  if (!resolved) throw unknownBank('bank', bank);
  return encodeOrProblem(
    {
      bin: resolved.bin,
      accountNumber: account,
      service: 'account',
      amount: amount ? Number(amount) : undefined,
      content,
      merchantName: name,
    },
    { bin: 'bank', accountNumber: 'account', merchantName: 'name' },
  );
}
