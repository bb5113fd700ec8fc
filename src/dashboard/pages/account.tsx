import type { z } from 'zod';
import type { providerAccountSchema } from '../../accounts/serialize';
import { guideOf } from '../../providers/registry';
import type { RunJson as ReconciliationRun } from '../../reconcile/runs';
import { type ProviderForm, rotatableFields } from '../account-forms';
import { accountName } from '../account-name';
import { Badge, Copyable, ErrorSummary, Input, Notice, PostForm, Row } from '../components';
import type { DashContext } from '../context';
import { formatTime } from '../format';
import type { FieldErrors } from '../forms';
import { Layout } from '../layout';
import { SchemaFields } from './account-fields';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
type AccountJson = z.infer<typeof providerAccountSchema>;

export interface AccountView {
  account: AccountJson;
  form: ProviderForm | null;
  /** null: the runs could not be read. */
  runs: ReconciliationRun[] | null;
}

export interface AccountMessages {
  notice?: string;
  /** Credentials made for the merchant at creation (a VietQR callback password left out): shown this once. */
  generated?: Record<string, string>;
  error?: string;
  rotateValues?: Record<string, string>;
  rotateErrors?: FieldErrors;
  reconcileError?: string;
}

const RUN_KIND = { running: 'info', succeeded: 'ok', failed: 'bad' } as const;

export function AccountPage(c: DashContext, v: AccountView, m: AccountMessages = {}) {
  const t = c.get('t');
  const lang = c.get('lang');
  const csrf = c.get('csrf');
  const a = v.account;
  const guide = guideOf(a.provider);
  const base = `/dashboard/accounts/${a.id}`;
  const urls = Object.entries(a.webhookUrls);
  const rotateErrors = m.rotateErrors ?? {};
  return (
    <Layout c={c} title={accountName(a, a.bank)} section="accounts">
      <p>
        <a href="/dashboard/accounts">← {t.accounts.title}</a>
      </p>
      <h1>
        {accountName(a, a.bank)}{' '}
        {a.createsQr ? <Badge kind="info">{t.accounts.createsQr}</Badge> : <Badge kind="muted">{t.accounts.feedOnly}</Badge>}
      </h1>
      {m.notice ? <Notice>{m.notice}</Notice> : null}
      {m.generated && Object.keys(m.generated).length > 0 ? (
        <Notice>
          {t.notices.generatedOnce}
          {Object.entries(m.generated).map(([name, value]) => (
            <Row label={name}>
              <Copyable value={value} label={name} t={t} />
            </Row>
          ))}
        </Notice>
      ) : null}
      {m.error ? <Notice kind="bad">{m.error}</Notice> : null}
      <div class="grid two">
        <section class="card">
          <dl>
            <Row label={t.accounts.provider}>{guide?.title ?? a.provider}</Row>
            <Row label={t.fields.label}>{a.label ?? '—'}</Row>
            <Row label={t.order.bank}>{a.bank ? `${a.bank.shortName} (${a.bank.bin})` : '—'}</Row>
            <Row label={t.order.accountNumber}>
              {a.bank ? <Copyable value={a.bank.accountNumber} label={t.order.accountNumber} t={t} /> : '—'}
            </Row>
            <Row label={t.order.accountName}>{a.bank?.accountName ?? '—'}</Row>
            <Row label={t.orders.created}>{formatTime(a.createdAt)}</Row>
            <Row label="ID">
              <code>{a.id}</code>
            </Row>
          </dl>
          {guide ? <p class="muted small">{guide.summary[lang]}</p> : null}
        </section>
        <section class="card" aria-labelledby="hooks-h">
          <h2 id="hooks-h">{t.accounts.webhookUrls}</h2>
          {urls.length === 0 ? <p class="muted">{t.accounts.noWebhooks}</p> : null}
          <dl>
            {urls.map(([key, url]) => (
              <Row label={key}>
                <Copyable value={url} label={key} t={t} />
              </Row>
            ))}
          </dl>
          {urls.length > 0 ? (
            <div class="guide">
              <strong>{t.accounts.wherePaste}</strong>
              {guide && guide.steps[lang].length > 0 ? (
                <ol>
                  {guide.steps[lang].map((step) => (
                    <li>{step}</li>
                  ))}
                </ol>
              ) : (
                <p>{t.accounts.genericPaste}</p>
              )}
            </div>
          ) : null}
        </section>
      </div>
      <section class="card" aria-labelledby="recon-h">
        <h2 id="recon-h">{t.accounts.reconciliation}</h2>
        <p class="muted small">{t.accounts.reconcileHint}</p>
        {m.reconcileError ? <Notice kind="bad">{m.reconcileError}</Notice> : null}
        {v.runs === null ? <p class="muted">{t.overview.reconcileUnknown}</p> : null}
        {v.runs && v.runs.length === 0 ? <p class="muted">{t.accounts.noRuns}</p> : null}
        {v.runs && v.runs.length > 0 ? (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.accounts.runStarted}</th>
                <th>{t.accounts.runTrigger}</th>
                <th>{t.deliveries.statusLabel}</th>
                <th class="num">{t.accounts.runCounts}</th>
                <th>{t.accounts.runError}</th>
              </tr>
            </thead>
            <tbody>
              {v.runs.map((run) => (
                <tr>
                  <td data-label={t.accounts.runStarted}>{formatTime(run.startedAt)}</td>
                  <td data-label={t.accounts.runTrigger}>{t.accounts.trigger[run.trigger]}</td>
                  <td data-label={t.deliveries.statusLabel}>
                    <Badge kind={RUN_KIND[run.status]}>{t.accounts.runStatus[run.status]}</Badge>
                  </td>
                  <td class="num" data-label={t.accounts.runCounts}>
                    {t.accounts.runFigures(run.fetched, run.settled, run.known)}
                  </td>
                  <td data-label={t.accounts.runError}>{run.error ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <PostForm action={`${base}/reconcile`} csrf={csrf}>
          <Input name="since" type="datetime-local" label={t.accounts.reconcileSince} hint={t.accounts.reconcileSinceHint} />
          <button type="submit" class="secondary">
            {t.accounts.reconcileNow}
          </button>
        </PostForm>
      </section>
      <div class="grid two">
        {v.form && rotatableFields(v.form).length > 0 ? (
          <section class="card" aria-labelledby="rotate-h">
            <h2 id="rotate-h">{t.accounts.rotate}</h2>
            <p class="muted small">{t.accounts.rotateHint}</p>
            <ErrorSummary errors={rotateErrors} t={t} />
            <PostForm action={`${base}/rotate`} csrf={csrf} confirm={t.accounts.rotateConfirm}>
              <Input name="label" label={t.fields.label} value={m.rotateValues?.label} error={rotateErrors.label} maxlength={100} />
              <SchemaFields fields={rotatableFields(v.form)} values={m.rotateValues ?? {}} errors={rotateErrors} t={t} optional />
              <Input name="baseUrl" label={t.fields.baseUrl} type="url" value={m.rotateValues?.baseUrl} error={rotateErrors.baseUrl} />
              <button type="submit">{t.accounts.rotateButton}</button>
            </PostForm>
          </section>
        ) : null}
        <section class="card" aria-labelledby="delete-h">
          <h2 id="delete-h">{t.accounts.delete}</h2>
          <ul class="small">
            {t.accounts.deleteConsequences(urls.length > 0, a.createsQr).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <PostForm action={`${base}/delete`} csrf={csrf} confirm={t.accounts.deleteConfirm}>
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required /> {t.accounts.deleteCheck}
            </label>
            <button type="submit" class="danger">
              {t.accounts.delete}
            </button>
          </PostForm>
        </section>
      </div>
    </Layout>
  );
}
