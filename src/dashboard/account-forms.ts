import type { z } from 'zod';
import { type ProviderAccountInput, providerAccountBody } from '../providers/registry';

// The provider account forms come from the same zod schemas as `POST /v1/provider-accounts`: one form per
// registered provider, one input per field of its body, in the schema's order. No provider is named here.

export interface FormFieldSpec {
  name: string;
  required: boolean;
  /** Credentials are typed into password inputs and never shown back. */
  secret: boolean;
  /** Part of the receiving bank account (not a credential: it cannot be rotated). */
  receiving: boolean;
}

export interface ProviderForm {
  provider: ProviderAccountInput['provider'];
  fields: FormFieldSpec[];
}

const COMMON = new Set(['provider', 'label', 'baseUrl']);
const SECRET = /key|secret|token|password/i;
const RECEIVING = /^(bank|bankCode|bankName|bankAccount|accountNumber|accountName|userBankName)$/;

function fieldsOf(shape: Record<string, z.ZodType>): FormFieldSpec[] {
  return Object.entries(shape)
    .filter(([name]) => !COMMON.has(name))
    .map(([name, value]) => ({
      name,
      required: !value.isOptional(),
      secret: SECRET.test(name),
      receiving: RECEIVING.test(name),
    }));
}

export const PROVIDER_FORMS: ProviderForm[] = providerAccountBody.options.map((option) => ({
  provider: (option.shape.provider as z.ZodLiteral<ProviderAccountInput['provider']>).value,
  fields: fieldsOf(option.shape),
}));

export const providerForm = (provider: string | undefined): ProviderForm | null =>
  PROVIDER_FORMS.find((form) => form.provider === provider) ?? null;

/** What a rotation may change: label, baseUrl and the credentials (not the receiving account). */
export const rotatableFields = (form: ProviderForm) => form.fields.filter((f) => !f.receiving);
