/**
 * The interactive proof's web server: bound to 127.0.0.1, it answers only
 * requests that carry this run's token and name this server as their host,
 * serves the page, the session's state and its page images, and writes
 * nothing but the edits file.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NewsprintError } from '../errors.js';
import { proofPage } from './page.js';
import { Session } from './session.js';

/** The page loads nothing from elsewhere: its script, styles and font are its own, its images come from here. */
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  'font-src data:',
  "connect-src 'self'",
].join('; ');

/** Largest request body: a long list of edits, not a file. */
const MAX_BODY = 4 * 1024 * 1024;

export interface ProofServer {
  url: string;
  session: Session;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpError(400, 'the request is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export async function startProofServer(file: string, opts: { template: string; port?: number }): Promise<ProofServer> {
  const session = await Session.open(file, opts.template);
  const token = randomBytes(16).toString('hex');
  let origin = '';
  const tokenOk = (given: string | null | undefined) =>
    !!given && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CSP,
    });
    res.end(body);
  };
  const json = (res: ServerResponse, value: unknown) =>
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // Another site's page in the user's browser cannot pass for this one: the host must be this server.
    if (req.headers.host !== new URL(origin).host) throw new HttpError(403, 'wrong host');
    const given = req.headers['x-newsprint-token'] ?? url.searchParams.get('token');
    if (!tokenOk(Array.isArray(given) ? given[0] : given)) throw new HttpError(403, 'missing or wrong token');
    if (req.method === 'GET' && url.pathname === '/')
      return send(res, 200, 'text/html; charset=utf-8', proofPage(token, session.fontCss));
    if (req.method === 'GET' && url.pathname === '/api/state') return json(res, session.state());
    const image = /^\/page\/(\d+)\.png$/.exec(url.pathname);
    if (req.method === 'GET' && image) {
      const png = session.image(Number(image[1]));
      if (!png) throw new HttpError(404, 'no such page');
      return send(res, 200, 'image/png', png);
    }
    if (req.method === 'POST') {
      if (!tokenOk(req.headers['x-newsprint-token'] as string | undefined))
        throw new HttpError(403, 'changes need the token in a header');
      const body = (await readBody(req)) as { edits?: unknown };
      if (url.pathname === '/api/edits') {
        await session.setEdits(body.edits ?? []);
        return json(res, session.state());
      }
      if (url.pathname === '/api/save') {
        if (body.edits !== undefined) await session.setEdits(body.edits);
        const path = session.save();
        return json(res, { ...session.state(), wrote: path });
      }
    }
    throw new HttpError(404, 'not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : e instanceof NewsprintError ? 400 : 500;
      const message = e instanceof NewsprintError ? e.oneLine() : (e as Error).message;
      if (!res.headersSent) send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new NewsprintError(
          e.code === 'EADDRINUSE' ? `port ${opts.port} is in use` : `cannot listen (${e.message})`,
          '--port',
          'choose another port, or leave --port out to take a free one',
        ),
      ),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    session,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
