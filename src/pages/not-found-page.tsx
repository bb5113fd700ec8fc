import { type Lang, STRINGS } from './i18n';
import { Layout } from './layout';

/** What a payer sees for a wrong or deleted payment link: words, not a JSON problem. */
export function NotFoundPage({ lang, nonce }: { lang: Lang; nonce: string }) {
  const t = STRINGS[lang];
  return (
    <Layout lang={lang} title={t.notFoundTitle} nonce={nonce}>
      <main>
        <section class="card head">
          <h1>{t.notFoundTitle}</h1>
          <p>{t.notFoundBody}</p>
        </section>
      </main>
    </Layout>
  );
}
