import type { z } from 'zod';
import type { providerAccountSchema } from '../../accounts/serialize';
import { guideOf } from '../../providers/registry';
import { PROVIDER_FORMS } from '../account-forms';
import { accountName } from '../account-name';
import { Badge, Notice } from '../components';
import type { DashContext } from '../context';
import { formatTime } from '../format';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
type AccountJson = z.infer<typeof providerAccountSchema>;

export function AccountsPage(c: DashContext, accounts: AccountJson[], notice?: string) {
  const t = c.get('t');
  const lang = c.get('lang');
  return (
    <Layout c={c} title={t.accounts.title} section="accounts">
      <h1>{t.accounts.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <section class="card" aria-label={t.accounts.title}>
        {accounts.length === 0 ? (
          <p class="muted">{t.accounts.none}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.accounts.name}</th>
                <th>{t.accounts.provider}</th>
                <th>{t.order.bank}</th>
                <th>{t.order.accountNumber}</th>
                <th>{t.accounts.role}</th>
                <th>{t.orders.created}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr>
                  <td data-label={t.accounts.name}>
                    <a href={`/dashboard/accounts/${account.id}`}>{accountName(account, account.bank)}</a>
                  </td>
                  <td data-label={t.accounts.provider}>{guideOf(account.provider)?.title ?? account.provider}</td>
                  <td data-label={t.order.bank}>{account.bank?.shortName ?? '—'}</td>
                  <td data-label={t.order.accountNumber}>
                    <code>{account.bank?.accountNumber ?? '—'}</code>
                  </td>
                  <td data-label={t.accounts.role}>
                    {account.createsQr ? (
                      <Badge kind="info">{t.accounts.createsQr}</Badge>
                    ) : (
                      <Badge kind="muted">{t.accounts.feedOnly}</Badge>
                    )}
                  </td>
                  <td data-label={t.orders.created}>{formatTime(account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="add-h">
        <h2 id="add-h">{t.accounts.add}</h2>
        <ul class="todo">
          {PROVIDER_FORMS.map((form) => {
            const guide = guideOf(form.provider);
            return (
              <li>
                <span>
                  <strong>{guide?.title ?? form.provider}</strong>
                  {guide ? <span class="muted small"> — {guide.summary[lang]}</span> : null}
                </span>
                <a href={`/dashboard/accounts/new?provider=${form.provider}`}>{t.accounts.addThis}</a>
              </li>
            );
          })}
        </ul>
      </section>
    </Layout>
  );
}
