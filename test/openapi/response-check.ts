// Every response the integration tests receive is checked against the OpenAPI document the app serves:
// its status must be one the operation declares, its content type one declared for that status, and a JSON
// body must validate against the declared schema (@cfworker/json-schema: it interprets, so it runs in workerd).
import { type Schema, Validator } from '@cfworker/json-schema';

type Json = Record<string, any>;

interface Found {
  template: string;
  operation: Json;
}

export interface CheckedResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export interface DocumentChecker {
  /** Problems with one response of `method path` (empty when it matches, or when the document has no such operation). */
  check: (method: string, path: string, res: CheckedResponse) => string[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Templates with fewer parameters first, so `/v1/provider-accounts/bankhub/link` wins over `/v1/provider-accounts/{id}`. */
function matchers(doc: Json) {
  return Object.keys(doc.paths ?? {})
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
}

const mediaType = (header: string | null) => (header ?? '').split(';')[0]!.trim().toLowerCase();

export function documentChecker(doc: Json): DocumentChecker {
  const paths = matchers(doc);
  const validators = new Map<string, Validator>();

  const find = (method: string, pathname: string): Found | null => {
    const lower = method.toLowerCase();
    if (!METHODS.has(lower)) return null;
    for (const { template, pattern } of paths) {
      const operation = doc.paths[template]?.[lower];
      if (operation && pattern.test(pathname)) return { template, operation };
    }
    return null;
  };

  const validatorFor = (key: string, schema: Json) => {
    let validator = validators.get(key);
    if (!validator) {
      // The response schema with the document's components beside it, so `#/components/…` refs resolve.
      validator = new Validator({ ...schema, components: doc.components } as Schema, '2020-12', false);
      validators.set(key, validator);
    }
    return validator;
  };

  return {
    check(method, path, res) {
      const pathname = new URL(path, 'https://router.test').pathname;
      const found = find(method, pathname);
      if (!found) return [];
      const where = `${method.toUpperCase()} ${found.template} → ${res.status}`;
      const declared: Json | undefined = found.operation.responses?.[String(res.status)] ?? found.operation.responses?.default;
      if (!declared) {
        return [`${where}: status not declared (declared: ${Object.keys(found.operation.responses ?? {}).join(', ')})`];
      }
      const problems: string[] = [];
      if (!res.headers.get('x-request-id')) problems.push(`${where}: no x-request-id header`);
      const content: Json = declared.content ?? {};
      if (res.text === '') {
        if (Object.keys(content).length > 0 && res.status !== 304) problems.push(`${where}: empty body, the document declares content`);
        return problems;
      }
      const type = mediaType(res.headers.get('content-type'));
      const entry = content[type];
      if (!entry) {
        problems.push(`${where}: content type ${type || '(none)'} not declared (declared: ${Object.keys(content).join(', ') || 'none'})`);
        return problems;
      }
      if (!type.endsWith('json') || !entry.schema) return problems;
      const result = validatorFor(`${where} ${type}`, entry.schema).validate(res.body);
      if (!result.valid) {
        const details = result.errors
          .filter((error) => error.keyword !== 'properties' && error.keyword !== '$ref' && error.keyword !== 'allOf')
          .slice(0, 6)
          .map((error) => `${error.instanceLocation}: ${error.error}`);
        problems.push(`${where}: body does not match the document\n  ${details.join('\n  ')}\n  body: ${res.text.slice(0, 500)}`);
      }
      return problems;
    },
  };
}
