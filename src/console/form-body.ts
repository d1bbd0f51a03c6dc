// A posted form as express's urlencoded parser gives it (`extended: false`): each name maps to a string, or
// to a list when the name came more than once (a multi-select). These read it without trusting its shape.
export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(body: unknown): FormBody {
  return body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as FormBody) : {};
}

/** One value: the first if the name came more than once. */
export function one(body: FormBody, name: string): string | undefined {
  const value = body[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of the name (none, one, or many). */
export function all(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
