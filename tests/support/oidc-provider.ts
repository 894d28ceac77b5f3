import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JWK } from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider 9) on 127.0.0.1 for tests, standing in
 * for ID-porten: one confidential client, PKCE required, and the national id in the `pid`
 * claim of the ID token (as ID-porten does). There is no login page: `login()` plays the
 * browser — it follows the provider's redirects with a cookie jar, and our own tiny
 * interaction endpoint signs the given account in and grants the requested scopes.
 */
export interface TestAccount {
  pid: string;
  name?: string;
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Play the browser from the authorization URL to the callback URL (with code and state). */
  login(authorizationUrl: string, sub: string): Promise<string>;
  close(): Promise<void>;
}

/** oidc-provider's start-up notices that do not apply to a throwaway test provider. */
const EXPECTED_WARNINGS = [
  "Unsupported runtime", // it asks for Node 22 LTS; the project still runs its tests on Node 20.19+
  "development-only in-memory adapter", // the provider lives only as long as the test file
];

async function quietly<T>(run: () => Promise<T> | T): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (!EXPECTED_WARNINGS.some((expected) => text.includes(expected))) warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

export async function startOidcProvider(options: {
  accounts: Record<string, TestAccount>;
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<RunningOidcProvider> {
  const { default: Provider } = await quietly(() => import("oidc-provider"));
  const clientId = options.clientId ?? "stafettlogg-test";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");

  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = await quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: options.redirectUris,
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_post",
          },
        ],
        jwks: { keys: [{ ...signingKey, kid: "test", use: "sig", alg: "RS256" } as JWK] },
        cookies: { keys: [randomBytes(32).toString("base64url")] },
        pkce: { required: () => true },
        claims: { openid: ["sub"], profile: ["pid", "name"] },
        // Scope claims in the ID token too, as ID-porten puts pid there.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: false } },
        // Short lifetimes, set explicitly (the defaults print a notice each).
        ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        findAccount: (_ctx, sub) => {
          const account = options.accounts[sub];
          if (!account) return undefined;
          return { accountId: sub, claims: () => ({ sub, pid: account.pid, name: account.name ?? sub }) };
        },
      }),
  );
  const callback = provider.callback();

  /** GET /interaction/:uid?sub=… — sign `sub` in and grant what the client asked for. */
  async function interaction(req: IncomingMessage, res: ServerResponse) {
    try {
      const sub = new URL(req.url!, issuer).searchParams.get("sub") ?? "";
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.message : "interaction failed");
    }
  }

  handler = (req, res) => {
    if (req.url?.startsWith("/interaction/")) void interaction(req, res);
    else void callback(req, res);
  };

  async function login(authorizationUrl: string, sub: string): Promise<string> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== issuer) return url.href; // back at the client: the callback URL
      if (url.pathname.startsWith("/interaction/")) url.searchParams.set("sub", sub);
      const response = await fetch(url, {
        redirect: "manual",
        headers: { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
      });
      for (const setCookie of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = setCookie.split(";");
        const eqAt = pair.indexOf("=");
        const name = pair.slice(0, eqAt).trim();
        const value = pair.slice(eqAt + 1).trim();
        const expires = attributes.find((a) => a.trim().toLowerCase().startsWith("expires="));
        const expired = expires !== undefined && Date.parse(expires.split("=")[1]!) <= Date.now();
        if (!value || expired) jar.delete(name);
        else jar.set(name, value);
      }
      const location = response.headers.get("Location");
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`test OIDC provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 300)}`);
      }
      url = new URL(location, url);
    }
    throw new Error("test OIDC provider: too many redirects");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    login,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
