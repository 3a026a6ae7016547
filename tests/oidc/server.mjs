// A real OpenID Connect provider (oidc-provider, a certified implementation) standing in for gov.br in the
// tests: it answers on 127.0.0.1 only, with one confidential client and a few people whose `sub` is their CPF,
// as gov.br's is. Its built-in login form (devInteractions) takes the CPF in the "login" field; any password.
//
//   node server.mjs [port]        (0 or nothing: a free port)
//
// Prints "listening http://127.0.0.1:PORT" once it answers. The client's redirect URIs are loopback ones
// (http://127.0.0.1/signin-govbr, http://localhost/signin-govbr): as a "native" client, any port of them is
// accepted (RFC 8252 §7.3), because the application under test picks its port only when it starts.
import Provider, { interactionPolicy } from 'oidc-provider';

export const clientId = 'sispmpi-test';
export const clientSecret = 'sispmpi-test-secret-0123456789abcdef';

// CPF → person. The first matches the demo account alta@demo.gov.br, the second admin@demo.gov.br (a central
// administrator with only a bronze account), the third belongs to nobody in SisPMPI.
export const people = {
  '52998224725': { name: 'Henrique Secretário', email: 'henrique.govbr@example.com', levels: ['bronze', 'prata'] },
  '11144477735': { name: 'Ana Administradora', email: 'ana.govbr@example.com', levels: ['bronze'] },
  '39053344705': { name: 'Pessoa Sem Cadastro', email: 'sem.cadastro@example.com', levels: ['bronze', 'prata', 'ouro'] },
};

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);

// oidc-provider asks native clients for consent every time; gov.br asks a registered system's users nothing.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');

const configuration = {
  interactions: { policy },
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    application_type: 'native',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    redirect_uris: ['http://127.0.0.1/signin-govbr', 'http://localhost/signin-govbr'],
  }],
  // Signed cookies need keys; these are test-only.
  cookies: { keys: ['sispmpi-test-oidc-cookie-key'] },
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'govbr_confiabilidades'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    govbr_confiabilidades: ['govbr_confiabilidades'],
  },
  // gov.br puts the person's data in the ID token; so does this provider.
  conformIdTokenClaims: false,
  // Like gov.br: no pushed authorization requests, so the authorization request itself carries PKCE, state and nonce.
  features: { devInteractions: { enabled: true }, pushedAuthorizationRequests: { enabled: false } },
  async findAccount(ctx, id) {
    const person = people[id];
    if (!person) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: person.name, email: person.email, email_verified: true, govbr_confiabilidades: person.levels };
      },
    };
  },
  // A first-party client: the person is not asked to consent, as on gov.br for a registered system.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ accountId: ctx.oidc.session.accountId, clientId: ctx.oidc.client.clientId });
    grant.addOIDCScope('openid email profile govbr_confiabilidades');
    grant.addOIDCClaims(['sub', 'name', 'email', 'email_verified', 'govbr_confiabilidades']);
    await grant.save();
    return grant;
  },
  ttl: { AuthorizationCode: 120, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
};

// The issuer's port is known only once listening: listen first, then build the provider on that address.
const { createServer } = await import('node:http');
let handler = (req, res) => { res.statusCode = 503; res.end(); };
const server = createServer((req, res) => handler(req, res));
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  // Unknown CPFs typed in the login form: the provider answers its own error page rather than crash.
  provider.on('server_error', (_ctx, error) => console.error('server_error', error));
  handler = provider.callback();
  console.log(`listening ${issuer}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
