import { formatVnd } from './format';
import type { Strings } from './i18n';
import type { CheckoutOrder } from './order-view';

/** Every outcome, rendered up front; CSS shows the one that matches `data-status`. */
export function StatePanels({ order, t }: { order: CheckoutOrder; t: Strings }) {
  const { returnUrl } = order;
  const due = Math.max(0, order.amount - order.amountPaid);
  return (
    <div role="status" aria-live="polite">
      <section class="card state state-paid">
        <h1>✓ {t.paidTitle}</h1>
        <p>{t.paidBody}</p>
        {returnUrl && (
          <>
            <a class="back" href={returnUrl} rel="noreferrer">
              {t.returnToShop}
            </a>
            <p data-redirecting hidden>
              {t.redirecting}
            </p>
          </>
        )}
      </section>
      <section class="card state state-partial">
        <h1>{t.partialTitle}</h1>
        <p>
          {t.stillDue}:{' '}
          <span class="due" data-due>
            {formatVnd(due)}
          </span>
        </p>
        <p>{t.partialBody}</p>
        <p>{t.qrFullAmount}</p>
      </section>
      <section class="card state state-expired">
        <h1>{t.expiredTitle}</h1>
        <p>{t.expiredBody}</p>
      </section>
      <section class="card state state-canceled">
        <h1>{t.canceledTitle}</h1>
        <p>{t.canceledBody}</p>
      </section>
    </div>
  );
}
