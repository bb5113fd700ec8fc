import type { FormFieldSpec } from '../account-forms';
import { Input } from '../components';
import type { FieldErrors } from '../forms';
import type { Strings } from '../i18n';

/** One input per schema field; credentials never come back filled in after an error (retype them). */
export function SchemaFields(p: {
  fields: FormFieldSpec[];
  values: Record<string, string>;
  errors: FieldErrors;
  t: Strings;
  optional?: boolean;
}) {
  return (
    <>
      {p.fields.map((f) => (
        <Input
          name={f.name}
          label={(p.t.fields as Record<string, string | undefined>)[f.name] ?? f.name}
          type={f.secret ? 'password' : 'text'}
          value={f.secret ? '' : p.values[f.name]}
          error={p.errors[f.name]}
          required={f.required && !p.optional}
          autocomplete={f.secret ? 'new-password' : 'off'}
          hint={(p.t.fieldHints as Record<string, string | undefined>)[f.name]}
        />
      ))}
    </>
  );
}
