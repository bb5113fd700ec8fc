import type { Child } from 'hono/jsx';

interface CopyFieldProps {
  label: string;
  value: Child;
  /** What the button puts on the clipboard (the displayed value may be formatted). */
  copy: string;
  copyLabel: string;
  className?: string;
  /** Marks the amount field, whose copy value the script keeps at what is still due. */
  due?: boolean;
}

/** One line of the transfer details. The button stays hidden until the script can make it work. */
export function CopyField({ label, value, copy, copyLabel, className, due }: CopyFieldProps) {
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <dt>{label}</dt>
      <dd>
        <span class="value">{value}</span>
        <button type="button" data-copy={copy} data-due-copy={due ? '' : undefined} aria-label={`${copyLabel}: ${label}`} hidden>
          {copyLabel}
        </button>
      </dd>
    </div>
  );
}
