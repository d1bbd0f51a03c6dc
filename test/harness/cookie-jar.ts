// A browser in miniature for sign-in tests over real HTTP: a cookie jar that behaves like a browser's (cookies
// belong to a host whatever its port, honour Path, Max-Age and Expires), and redirects followed one hop at a
// time, so a test sees every hop and can stop where a browser would hand over to another site.

interface StoredCookie {
  host: string;
  name: string;
  value: string;
  path: string;
  expires: number;
}

export interface Answer {
  status: number;
  url: string;
  location?: string;
  text: string;
  /** The Set-Cookie headers of this answer. */
  setCookies: string[];
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** The value of a cookie the jar would send to `url` (any path when none is given). */
  cookie(name: string, url?: string): string | undefined {
    const now = Date.now();
    return this.cookies.find((c) => c.name === name && c.expires > now && (!url || this.matches(c, new URL(url))))?.value;
  }

  set(url: string, name: string, value: string, path = '/'): void {
    this.store({ host: new URL(url).hostname, name, value, path, expires: Number.MAX_SAFE_INTEGER });
  }

  remove(name: string): void {
    this.cookies = this.cookies.filter((c) => c.name !== name);
  }

  private matches(c: StoredCookie, url: URL): boolean {
    return c.host === url.hostname && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`));
  }

  private store(cookie: StoredCookie): void {
    this.cookies = this.cookies.filter((c) => !(c.host === cookie.host && c.name === cookie.name && c.path === cookie.path));
    if (cookie.expires > Date.now()) this.cookies.push(cookie);
  }

  private receive(url: URL, header: string): void {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const cookie: StoredCookie = {
      host: url.hostname,
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      path: '/',
      expires: Number.MAX_SAFE_INTEGER,
    };
    for (const attribute of attributes) {
      const [key, value = ''] = attribute.split('=');
      const name = key.toLowerCase();
      if (name === 'path') cookie.path = value;
      else if (name === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
      else if (name === 'expires' && !attributes.some((a) => a.toLowerCase().startsWith('max-age'))) cookie.expires = Date.parse(value);
    }
    this.store(cookie);
  }

  /** One request, cookies sent and received, no redirect followed. */
  async request(
    method: string,
    url: string,
    { form, headers = {} }: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const target = new URL(url);
    const now = Date.now();
    const cookie = this.cookies
      .filter((c) => c.expires > now && this.matches(c, target))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const response = await fetch(target, {
      method,
      redirect: 'manual',
      headers: {
        ...headers,
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) this.receive(target, header);
    const location = response.headers.get('location') ?? undefined;
    return {
      status: response.status,
      url: target.href,
      ...(location ? { location: new URL(location, target).href } : {}),
      text: await response.text(),
      setCookies,
    };
  }

  /**
   * A request and the redirects after it (each a GET), until an answer that is not a redirect or a redirect
   * to where `stopAt` says a browser would leave our hands (say, an app's own callback).
   */
  async follow(
    url: string,
    { method = 'GET', form, stopAt }: { method?: string; form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<Answer & { hops: string[] }> {
    const hops: string[] = [];
    let answer = await this.request(method, url, form ? { form } : {});
    for (let i = 0; answer.location && answer.status >= 300 && answer.status < 400; i++) {
      if (i > 20) throw new Error(`too many redirects from ${url}`);
      if (stopAt?.(new URL(answer.location))) break;
      hops.push(answer.location);
      answer = await this.request('GET', answer.location);
    }
    return { ...answer, hops };
  }
}

/** The first form of a page (or the one whose action matches), with its hidden fields. */
export function formOf(pageHtml: string, action?: RegExp): { action: string; fields: Record<string, string> } {
  for (const match of pageHtml.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const formAction = /action="([^"]*)"/i.exec(match[1])?.[1] ?? '';
    if (action && !action.test(formAction)) continue;
    const fields: Record<string, string> = {};
    for (const input of match[2].matchAll(/<input\b([^>]*)>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[1])?.[1];
      if (name) fields[name] = decodeEntities(/value="([^"]*)"/i.exec(input[1])?.[1] ?? '');
    }
    return { action: decodeEntities(formAction), fields };
  }
  throw new Error(`no form${action ? ` with action ${action}` : ''} in the page: ${pageHtml.slice(0, 300)}`);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
