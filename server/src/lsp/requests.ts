// Registers mlsec's custom requests so they accept what generic clients send: no params, `[]`, `[{…}]` or an object.
import { CancellationToken, type Connection } from 'vscode-languageserver/node';

/**
 * vscode-jsonrpc spreads array params into the handler's arguments and passes only the token when
 * there are none, so a plain `(params, token)` handler gets the token as `params` (Neovim sends `[]`
 * for `{}`). This normalises every shape to `(object | undefined, token)`.
 */
export function normaliseArgs<P extends object>(args: unknown[]): { params: Partial<P>; token: CancellationToken } {
  const last = args.at(-1);
  const token = CancellationToken.is(last) ? last : CancellationToken.None;
  const rest = CancellationToken.is(last) ? args.slice(0, -1) : args;
  const first = rest[0];
  const params = first !== null && typeof first === 'object' && !Array.isArray(first) && !CancellationToken.is(first) ? (first as Partial<P>) : {};
  return { params, token };
}

/** `connection.onRequest` for a custom method whose params are optional and may arrive in any of the shapes above. */
export function onCustomRequest<P extends object, R>(connection: Connection, method: string, handler: (params: Partial<P>, token: CancellationToken) => R): void {
  connection.onRequest(method, (...args: unknown[]): unknown => {
    const { params, token } = normaliseArgs<P>(args);
    return handler(params, token);
  });
}
