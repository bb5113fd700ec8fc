import { barLayout } from './chart-layout';
import { compactVnd, formatVnd, shortDay } from './format';
import type { Lang } from './i18n';

interface DayAmount {
  day: string;
  amount: number;
}

const BOX = { width: 336, height: 110, top: 18, gap: 8 };
const HEIGHT = BOX.top + BOX.height + 20;

/**
 * Money received per day as a small SVG bar chart, drawn on the server (no script, no library).
 * Screen readers get the same figures as a table; the SVG itself is one labelled image.
 */
export function DayBarChart({ days, lang, title, id }: { days: DayAmount[]; lang: Lang; title: string; id: string }) {
  const bars = barLayout(
    days.map((d) => d.amount),
    BOX,
  );
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${BOX.width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <line class="axis" x1="0" x2={BOX.width} y1={BOX.top + BOX.height + 0.5} y2={BOX.top + BOX.height + 0.5} />
        {bars.map((bar, i) => {
          const day = days[i]!;
          const middle = bar.x + bar.width / 2;
          return (
            <g>
              <rect class={i === bars.length - 1 ? 'bar today' : 'bar'} x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx="3">
                <title>{`${shortDay(day.day)}: ${formatVnd(day.amount)}`}</title>
              </rect>
              {day.amount > 0 ? (
                <text class="value" x={middle} y={bar.y - 4} text-anchor="middle">
                  {compactVnd(day.amount, lang)}
                </text>
              ) : null}
              <text class="day" x={middle} y={HEIGHT - 4} text-anchor="middle">
                {shortDay(day.day)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="sr-only">
        <caption>{title}</caption>
        <tbody>
          {days.map((d) => (
            <tr>
              <th scope="row">{shortDay(d.day)}</th>
              <td>{formatVnd(d.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
