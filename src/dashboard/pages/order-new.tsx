import { ErrorSummary, Input, Notice, PostForm } from '../components';
import type { DashContext } from '../context';
import type { FieldErrors } from '../forms';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface NewOrderProps {
  accounts: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
  failure?: string;
}

const EXPIRIES = [900, 3600, 86_400, 604_800] as const;

/** For counter staff: amount, reference, description; the order page that follows shows the QR at once. */
export function NewOrderPage(c: DashContext, p: NewOrderProps) {
  const t = c.get('t');
  const e = p.errors;
  const expiry = p.values.expiresInSeconds ?? '900';
  return (
    <Layout c={c} title={t.orders.new} section="orders">
      <h1>{t.orders.new}</h1>
      {p.failure ? <Notice kind="bad">{p.failure}</Notice> : null}
      {p.accounts.length === 0 ? (
        <p class="notice n-warn">
          {t.overview.noQrAccount} <a href="/dashboard/accounts">{t.overview.addAccount}</a>
        </p>
      ) : null}
      <section class="card">
        <ErrorSummary errors={e} t={t} />
        <PostForm action="/dashboard/orders" csrf={c.get('csrf')}>
          <Input
            name="amount"
            label={t.orders.amountVnd}
            value={p.values.amount}
            error={e.amount}
            inputmode="numeric"
            required
            autofocus
            placeholder="50.000"
            hint={t.orders.amountHint}
          />
          <Input
            name="reference"
            label={t.orders.reference}
            value={p.values.reference}
            error={e.reference}
            required
            maxlength={64}
            hint={t.orders.referenceHint}
          />
          <Input
            name="description"
            label={t.orders.description}
            value={p.values.description}
            error={e.description}
            maxlength={255}
            hint={t.orders.descriptionHint}
          />
          {p.accounts.length > 1 || e.providerAccountId ? (
            <div class={e.providerAccountId ? 'field has-error' : 'field'}>
              <label for="f-providerAccountId">{t.orders.account}</label>
              <select id="f-providerAccountId" name="providerAccountId" aria-invalid={e.providerAccountId ? 'true' : undefined}>
                {p.accounts.map((account) => (
                  <option value={account.id} selected={p.values.providerAccountId === account.id}>
                    {account.name}
                  </option>
                ))}
              </select>
              {e.providerAccountId ? <small class="error">{e.providerAccountId}</small> : null}
            </div>
          ) : p.accounts[0] ? (
            <input type="hidden" name="providerAccountId" value={p.accounts[0].id} />
          ) : null}
          <div class={e.expiresInSeconds ? 'field has-error' : 'field'}>
            <label for="f-expiresInSeconds">{t.orders.expiresIn}</label>
            <select id="f-expiresInSeconds" name="expiresInSeconds">
              {EXPIRIES.map((seconds) => (
                <option value={String(seconds)} selected={expiry === String(seconds)}>
                  {t.orders.expiryChoice(seconds)}
                </option>
              ))}
            </select>
            {e.expiresInSeconds ? <small class="error">{e.expiresInSeconds}</small> : null}
          </div>
          <button type="submit">{t.orders.createAndShowQr}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
