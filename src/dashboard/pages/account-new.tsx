import { guideOf } from '../../providers/registry';
import type { ProviderForm } from '../account-forms';
import { ErrorSummary, Input, PostForm } from '../components';
import type { DashContext } from '../context';
import type { FieldErrors } from '../forms';
import { Layout } from '../layout';
import { SchemaFields } from './account-fields';

export function NewAccountPage(c: DashContext, form: ProviderForm, values: Record<string, string>, errors: FieldErrors) {
  const t = c.get('t');
  const guide = guideOf(form.provider);
  const title = `${t.accounts.add}: ${guide?.title ?? form.provider}`;
  return (
    <Layout c={c} title={title} section="accounts">
      <p>
        <a href="/dashboard/accounts">← {t.accounts.title}</a>
      </p>
      <h1>{title}</h1>
      {guide ? <p class="muted">{guide.summary[c.get('lang')]}</p> : null}
      <section class="card">
        <ErrorSummary errors={errors} t={t} />
        <PostForm action="/dashboard/accounts" csrf={c.get('csrf')}>
          <input type="hidden" name="provider" value={form.provider} />
          <Input name="label" label={t.fields.label} value={values.label} error={errors.label} maxlength={100} hint={t.fieldHints.label} />
          <SchemaFields fields={form.fields} values={values} errors={errors} t={t} />
          <details open={Boolean(errors.baseUrl)}>
            <summary>{t.accounts.advanced}</summary>
            <Input
              name="baseUrl"
              label={t.fields.baseUrl}
              type="url"
              value={values.baseUrl}
              error={errors.baseUrl}
              hint={t.fieldHints.baseUrl}
            />
          </details>
          <p class="muted small">{t.accounts.credentialsNote}</p>
          <button type="submit">{t.accounts.create}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
