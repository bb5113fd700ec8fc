import { Hono } from 'hono';
import { createProviderAccount } from '../../accounts/create';
import { deleteProviderAccount } from '../../accounts/delete';
import { accountToJson } from '../../accounts/serialize';
import { updateProviderAccount } from '../../accounts/update';
import { listAccounts } from '../../db/provider-accounts';
import { HttpError } from '../../lib/problem';
import { publicOrigin } from '../../lib/public-origin';
import { providerAccountBody } from '../../providers/registry';
import { loadAccount, toAccount } from '../../providers/stored-account';
import { listReconciliationRuns } from '../../reconcile/runs';
import { startReconciliation } from '../../reconcile/start';
import { providerForm, rotatableFields } from '../account-forms';
import type { DashContext, DashEnv } from '../context';
import { field, formOf } from '../csrf';
import { fromVietnamLocal } from '../format';
import { check, serviceErrors, textFields } from '../forms';
import { doneRedirect, noticeOf } from '../notices';
import { type AccountMessages, AccountPage } from '../pages/account';
import { NewAccountPage } from '../pages/account-new';
import { AccountsPage } from '../pages/accounts';
import { notFoundPage } from '../pages/errors';
import { sendPage } from '../render';

const app = new Hono<DashEnv>();

app.get('/dashboard/accounts', async (c) => {
  const rows = await listAccounts(c.env, c.get('merchant').id, null, 100);
  const origin = publicOrigin(c.env, c.req.url);
  const accounts = await Promise.all(rows.slice(0, 100).map(async (row) => accountToJson(await toAccount(c.env, row), origin)));
  return sendPage(c, AccountsPage(c, accounts, noticeOf(c)));
});

app.get('/dashboard/accounts/new', async (c) => {
  const form = providerForm(c.req.query('provider'));
  if (!form) return c.redirect('/dashboard/accounts#add-h', 303);
  return sendPage(c, NewAccountPage(c, form, {}, {}));
});

app.post('/dashboard/accounts', async (c) => {
  const fields = await formOf(c);
  const form = providerForm(field(fields, 'provider'));
  if (!form) return c.redirect('/dashboard/accounts', 303);
  const values = textFields(fields, ['label', 'baseUrl', ...form.fields.map((f) => f.name)]);
  const again = (errors: Record<string, string>) => sendPage(c, NewAccountPage(c, form, values, errors), 422);
  const checked = check(providerAccountBody, { provider: form.provider, ...values }, c.get('lang'));
  if (!checked.ok) return again(checked.errors);
  try {
    const { account, generated } = await createProviderAccount(c.env, c.get('merchant'), checked.data);
    // A credential made here is shown on this answer only (a redirect would lose it; it is stored sealed).
    if (generated && Object.keys(generated).length > 0)
      return accountPage(c, { notice: c.get('t').notices.accountCreated, generated }, 201, account.id);
    return doneRedirect(c, `/dashboard/accounts/${account.id}`, 'accountCreated');
  } catch (error) {
    return again(serviceErrors(error));
  }
});

/** The last 20 runs of the account; null when they cannot be read (the page still shows the rest). */
async function runsOf(c: DashContext, accountId: string) {
  try {
    return (await listReconciliationRuns(c.env, c.get('merchant').id, { providerAccountId: accountId }, null, 20)).data.slice(0, 20);
  } catch (error) {
    c.get('log').warn('dashboard: reconciliation runs unavailable', { error: String(error) });
    return null;
  }
}

async function accountPage(
  c: DashContext,
  messages: AccountMessages = {},
  status: 200 | 201 | 404 | 409 | 422 = 200,
  id = c.req.param('id')!,
) {
  const account = await loadAccount(c.env, id, { merchantId: c.get('merchant').id });
  if (!account) return notFoundPage(c);
  const view = {
    account: accountToJson(account, publicOrigin(c.env, c.req.url)),
    form: providerForm(account.provider),
    runs: await runsOf(c, account.id),
  };
  return sendPage(c, AccountPage(c, view, { notice: noticeOf(c), ...messages }), status);
}

const accountOf = (c: DashContext) => loadAccount(c.env, c.req.param('id')!, { merchantId: c.get('merchant').id });

app.get('/dashboard/accounts/:id', (c) => accountPage(c));

app.post('/dashboard/accounts/:id/rotate', async (c) => {
  const account = await accountOf(c);
  if (!account) return notFoundPage(c);
  const form = providerForm(account.provider);
  const names = ['label', 'baseUrl', ...(form ? rotatableFields(form).map((f) => f.name) : [])];
  const patch = textFields(await formOf(c), names);
  if (Object.keys(patch).length === 0) return accountPage(c, { rotateErrors: { '(form)': c.get('t').accounts.nothingToChange } }, 422);
  try {
    await updateProviderAccount(c.env, c.get('merchant').id, account.id, patch);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return notFoundPage(c);
    return accountPage(c, { rotateValues: patch, rotateErrors: serviceErrors(error) }, 422);
  }
  return doneRedirect(c, `/dashboard/accounts/${account.id}`, 'accountRotated');
});

app.post('/dashboard/accounts/:id/reconcile', async (c) => {
  const account = await accountOf(c);
  if (!account) return notFoundPage(c);
  const typed = field(await formOf(c), 'since');
  const since = typed ? fromVietnamLocal(typed) : null;
  if (typed && !since) return accountPage(c, { reconcileError: c.get('t').endpoints.sinceInvalid }, 422);
  try {
    await startReconciliation(c.env, c.get('merchant'), account.id, since ?? undefined, publicOrigin(c.env, c.req.url));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return notFoundPage(c);
    if (error instanceof HttpError && error.status === 422) {
      const detail = (error.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ') || error.detail;
      return accountPage(c, { reconcileError: detail }, 422);
    }
    throw error;
  }
  return doneRedirect(c, `/dashboard/accounts/${account.id}`, 'reconcileStarted');
});

app.post('/dashboard/accounts/:id/delete', async (c) => {
  const account = await accountOf(c);
  if (!account) return notFoundPage(c);
  if (field(await formOf(c), 'confirm') !== 'yes') return accountPage(c, { error: c.get('t').accounts.deleteNotConfirmed }, 422);
  await deleteProviderAccount(c.env, c.get('merchant').id, account.id);
  return doneRedirect(c, '/dashboard/accounts', 'accountDeleted');
});

export default app;
