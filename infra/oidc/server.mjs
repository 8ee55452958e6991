// A real OpenID Connect / OAuth 2.0 authorization server on loopback for Switchyard's tests: the JWT validation
// tests check the access tokens it signs against the keys it publishes at its JWKS URL, and the OAuth 2.0 client
// tests get tokens from it with the client credentials grant.
//
// The tests run it through tests/Switchyard.Testing/OidcProviderServer.cs, which generates the signing keys (and a
// private CA and server certificate when TLS is wanted), writes them with an options file to a temporary directory
// and runs
//
//   node infra/oidc/server.mjs /tmp/switchyard-oidc-XXXX/options.json
//
// The server listens on 127.0.0.1:<port>, prints exactly one line `ready <issuer>` on stdout once it accepts
// connections, logs to stderr and exits on SIGTERM (or SIGINT). The modules come from infra/oidc/node_modules, which
// ./test.sh installs from package-lock.json (npm ci) when it is missing.
//
// The options file (JSON):
//   port            the TCP port on 127.0.0.1
//   issuer          the issuer identifier, e.g. https://127.0.0.1:PORT (http:// when no tls is given)
//   jwks            a PRIVATE JWK set { keys: [...] }: the provider signs with these keys and publishes their public
//                   halves; RSA keys sign RS256/PS256, EC P-256 keys ES256; each key has its kid
//   tls             optional { cert, key }: paths of the PEM server certificate (chain) and key; HTTPS when present
//   audience        the `aud` of access tokens unless a client has its own
//   accessTokenTTL  lifetime of access tokens in seconds unless a client has its own
//   clients         [{ client_id, client_secret, scope (allowed scopes, space-separated), roles (array of strings),
//                      claims (object of extra claims, any JSON), access_token_alg (e.g. RS256, PS256, ES256),
//                      access_token_kid, audience, access_token_ttl, token_endpoint_auth_method
//                      (client_secret_basic, the default, or client_secret_post) }]
//
// Access tokens are JWTs (RFC 9068, typ at+jwt) for the client credentials grant. They carry iss, sub (the client
// id), aud, iat, exp, jti, client_id, scope (the granted scopes, when any), roles and the client's extra claims.
// A token request without a `resource` parameter gets the client's audience; with one, the resource indicator is
// the audience. A requested scope that another client is allowed is refused (invalid_scope); one that no client has
// is left out of the token.
//
// oidc-provider 9 prints a warning that it wants Node.js 22 LTS; it runs on Node.js 20 (what the machines have).

import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';

import Provider, { errors } from 'oidc-provider';

// stdout carries the ready line alone: the provider's notices (console.info) go to stderr with everything else.
console.info = console.error;
console.log = console.error;

const DEFAULT_RESOURCE = 'urn:switchyard:default-audience';

function fail(message) {
  console.error(`oidc server: ${message}`);
  process.exit(1);
}

function readOptions(path) {
  if (!path) {
    fail('usage: node server.mjs <options.json>');
  }
  const options = JSON.parse(readFileSync(path, 'utf8'));
  for (const name of ['port', 'issuer', 'jwks', 'audience', 'clients']) {
    if (options[name] === undefined) {
      fail(`${path} has no "${name}"`);
    }
  }
  if (!Array.isArray(options.jwks.keys) || options.jwks.keys.length === 0) {
    fail(`${path} has no signing keys in "jwks"`);
  }
  return options;
}

const options = readOptions(process.argv[2]);
const clients = new Map(options.clients.map((client) => [client.client_id, client]));
const allScopes = new Set(options.clients.flatMap((client) => (client.scope ?? '').split(' ').filter(Boolean)));

function resourceServer(identifier, client) {
  const settings = clients.get(client.clientId);
  const audience = identifier === DEFAULT_RESOURCE ? settings.audience ?? options.audience : identifier;
  const sign = { alg: settings.access_token_alg ?? 'RS256' };
  if (settings.access_token_kid) {
    sign.kid = settings.access_token_kid;
  }
  return {
    audience,
    scope: settings.scope ?? '',
    accessTokenFormat: 'jwt',
    accessTokenTTL: settings.access_token_ttl ?? options.accessTokenTTL ?? 300,
    jwt: { sign },
  };
}

const provider = new Provider(options.issuer, {
  clients: options.clients.map((client) => ({
    client_id: client.client_id,
    client_secret: client.client_secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: client.scope || undefined,
    token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_basic',
  })),
  jwks: options.jwks,
  scopes: ['openid', ...allScopes],
  clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    introspection: { enabled: false },
    revocation: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => DEFAULT_RESOURCE,
      useGrantedResource: async () => false,
      getResourceServerInfo: async (_ctx, identifier, client) => {
        if (!clients.has(client.clientId)) {
          throw new errors.InvalidTarget();
        }
        return resourceServer(identifier, client);
      },
    },
  },
  // roles and the extra claims; the provider's own claims (iss, sub, aud, ...) are set after these and win.
  extraTokenClaims: async (_ctx, token) => {
    const settings = clients.get(token.clientId);
    if (!settings) {
      return undefined;
    }
    return {
      ...settings.claims,
      ...(Array.isArray(settings.roles) ? { roles: settings.roles } : undefined),
    };
  },
  ttl: {
    ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? options.accessTokenTTL ?? 300,
  },
});

provider.on('server_error', (_ctx, error) => console.error('oidc server: server error', error));
provider.on('grant.error', (_ctx, error) => {
  console.error(`oidc server: token request refused: ${error.message}: ${error.error_detail ?? error.error_description ?? ''}`);
});

const server = options.tls
  ? https.createServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, provider.callback())
  : http.createServer(provider.callback());

server.on('error', (error) => fail(`cannot listen on 127.0.0.1:${options.port}: ${error.message}`));
server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`ready ${options.issuer}\n`);
});

// Tokens live in memory only, so there is nothing to flush: stop at once.
function stop() {
  server.close();
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
