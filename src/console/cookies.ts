// The console's cookies: always HttpOnly, Secure when the browser reached us over HTTPS, read without a
// cookie-parser (we need only our own few).
import type { Request, Response } from 'express';

export interface CookieOptions {
  /**
   * `Strict` for the session (never sent with a request another site starts); `Lax` only for what must come
   * back on the identity provider's redirect to us, a top-level navigation from another site.
   */
  sameSite: 'Strict' | 'Lax';
  path: string;
}

/** One cookie from the Cookie header. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** `Secure` when the browser reached us over HTTPS (directly, or the public URL says so behind a proxy). */
function attributes(req: Request, publicUrl: string, { sameSite, path }: CookieOptions): string {
  const secure = req.secure || publicUrl.startsWith('https:');
  return `Path=${path}; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}

export function setCookie(
  res: Response,
  req: Request,
  publicUrl: string,
  cookie: { name: string; value: string; expires: number; now: number } & CookieOptions,
): void {
  const maxAge = Math.max(0, Math.round((cookie.expires - cookie.now) / 1000));
  res.append(
    'Set-Cookie',
    `${cookie.name}=${cookie.value}; ${attributes(req, publicUrl, cookie)}; Max-Age=${maxAge}; Expires=${new Date(cookie.expires).toUTCString()}`,
  );
}

export function clearCookie(res: Response, req: Request, publicUrl: string, name: string, options: CookieOptions): void {
  res.append('Set-Cookie', `${name}=; ${attributes(req, publicUrl, options)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`);
}
