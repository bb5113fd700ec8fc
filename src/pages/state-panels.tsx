import { formatVietnamTime, formatVnd } from './format';
import type { Strings } from './i18n';
import type { CheckoutOrder } from './order-view';

function BackLink({ url, t }: { url: string | null; t: Strings }) {
  if (!url) return null;
  return (
    <a class="back" href={url} rel="noreferrer" target="_top">
      {t.returnToShop}
    </a>
  );
}

/** Which order a final state is about: its reference and amount. */
function Reference({ order, t }: { order: CheckoutOrder; t: Strings }) {
  return (
    <p class="ref">
      {t.reference}: {order.reference} · {formatVnd(order.amount)}
    </p>
  );
}

/** Every final outcome, rendered up front; CSS shows the one that matches `data-status`. */
export function StatePanels({ order, t }: { order: CheckoutOrder; t: Strings }) {
  const { returnUrl } = order;
  return (
    <div role="status" aria-live="polite">
      <section class="card state state-paid">
        <h1>✓ {t.paidTitle}</h1>
        <Reference order={order} t={t} />
        <p>{t.paidBody}</p>
        <dl class="facts">
          <div>
            <dt>{t.amountReceived}</dt>
            <dd data-paid-amount>{formatVnd(order.amountPaid)}</dd>
          </div>
          <div>
            <dt>{t.paidAt}</dt>
            <dd>
              <span data-paid-at>{order.paidAt ? formatVietnamTime(order.paidAt) : ''}</span> ({t.timeZone})
            </dd>
          </div>
        </dl>
        <BackLink url={returnUrl} t={t} />
        {returnUrl && (
          <p data-redirecting hidden>
            {t.redirecting}
          </p>
        )}
      </section>
      <section class="card state state-expired">
        <h1>{t.expiredTitle}</h1>
        <Reference order={order} t={t} />
        <p>{t.expiredBody}</p>
        <p>
          <small>
            {t.expiresAt} <time datetime={order.expiresAt}>{formatVietnamTime(order.expiresAt)}</time> ({t.timeZone})
          </small>
        </p>
        <BackLink url={returnUrl} t={t} />
      </section>
      <section class="card state state-canceled">
        <h1>{t.canceledTitle}</h1>
        <Reference order={order} t={t} />
        <p>{t.canceledBody}</p>
        <BackLink url={returnUrl} t={t} />
      </section>
    </div>
  );
}
