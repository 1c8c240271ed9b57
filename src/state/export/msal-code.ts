// The MSAL code writers: one function per language from a described token request.
import { literal, msalNotes, type MsalCall } from './msal-call';

/** `@azure/msal-node` (ES module, JSDoc-typed JavaScript). */
export function nodeCode(call: MsalCall): string {
  const scopes = `[${call.scopes.map(literal).join(', ')}]`;
  const thumbprint =
    call.credential.kind === 'certificate' ? call.credential.thumbprint : undefined;
  const credential =
    call.credential.kind === 'secret'
      ? ['    clientSecret: process.env.CLIENT_SECRET,']
      : [
          '    clientCertificate: {',
          thumbprint
            ? `      ${thumbprint.algorithm === 'sha256' ? 'thumbprintSha256' : 'thumbprint'}: ${literal(thumbprint.hex)},`
            : "      thumbprintSha256: process.env.CLIENT_CERT_THUMBPRINT_SHA256 ?? '',",
          "      privateKey: readFileSync(process.env.CLIENT_CERT_KEY_PATH ?? 'client-key.pem', 'utf8'),",
          '    },',
        ];
  const [params, docs, request] = {
    client_credentials: ['', [], `{ scopes: ${scopes} }`],
    on_behalf_of: [
      'incomingToken',
      ['@param {string} incomingToken The access token your API received (Authorization: Bearer).'],
      `{ oboAssertion: incomingToken, scopes: ${scopes} }`,
    ],
    authorization_code: [
      call.pkce ? 'code, codeVerifier' : 'code',
      [
        '@param {string} code The code from the redirect to your reply URL.',
        ...(call.pkce
          ? ['@param {string} codeVerifier The PKCE verifier kept since sign-in began.']
          : []),
      ],
      `{ code, scopes: ${scopes}, redirectUri: ${literal(call.redirectUri ?? '')}${call.pkce ? ', codeVerifier' : ''} }`,
    ],
    refresh_token: [
      'refreshToken',
      ['@param {string} refreshToken The refresh token from an earlier response.'],
      `{ refreshToken, scopes: ${scopes} }`,
    ],
  }[call.grant] as [string, string[], string];
  const method = {
    client_credentials: 'acquireTokenByClientCredential',
    on_behalf_of: 'acquireTokenOnBehalfOf',
    authorization_code: 'acquireTokenByCode',
    refresh_token: 'acquireTokenByRefreshToken',
  }[call.grant];
  return [
    ...(call.credential.kind === 'certificate' ? ["import { readFileSync } from 'node:fs';"] : []),
    "import { ConfidentialClientApplication } from '@azure/msal-node';",
    '',
    ...msalNotes(call).map((line) => `// ${line}`),
    'const app = new ConfidentialClientApplication({',
    '  auth: {',
    `    clientId: ${literal(call.clientId)},`,
    `    authority: ${literal(call.authority)},`,
    ...credential,
    '  },',
    '});',
    '',
    ...(docs.length > 0 ? ['/**', ...docs.map((line) => ` * ${line}`), ' */'] : []),
    `export async function acquireToken(${params}) {`,
    `  return app.${method}(${request});`,
    '}',
    '',
  ].join('\n');
}

/** MSAL.NET (`Microsoft.Identity.Client`), C# top-level statements. */
export function dotnetCode(call: MsalCall): string {
  const thumbprint =
    call.credential.kind === 'certificate' ? call.credential.thumbprint : undefined;
  const credential =
    call.credential.kind === 'secret'
      ? ['    .WithClientSecret(Environment.GetEnvironmentVariable("CLIENT_SECRET"))']
      : [
          ...(thumbprint
            ? [
                `    // Certificate thumbprint (${thumbprint.algorithm.toUpperCase()}): ${thumbprint.hex}`,
              ]
            : []),
          '    .WithCertificate(new X509Certificate2(',
          '        Environment.GetEnvironmentVariable("CLIENT_CERT_PFX_PATH"),',
          '        Environment.GetEnvironmentVariable("CLIENT_CERT_PFX_PASSWORD")))',
        ];
  const scopes = `string[] scopes = { ${call.scopes.map(literal).join(', ')} };`;
  const [params, body] = {
    client_credentials: ['', 'app.AcquireTokenForClient(scopes)'],
    on_behalf_of: [
      'string incomingToken',
      'app.AcquireTokenOnBehalfOf(scopes, new UserAssertion(incomingToken))',
    ],
    authorization_code: [
      call.pkce ? 'string code, string codeVerifier' : 'string code',
      `app.AcquireTokenByAuthorizationCode(scopes, code)${call.pkce ? '\n        .WithPkceCodeVerifier(codeVerifier)' : ''}`,
    ],
    refresh_token: [
      'string refreshToken',
      '((IByRefreshToken)app).AcquireTokenByRefreshToken(scopes, refreshToken)',
    ],
  }[call.grant];
  const comment = {
    client_credentials: [],
    on_behalf_of: ['// incomingToken: the access token your API received (Authorization: Bearer).'],
    authorization_code: [
      '// code: from the redirect to your reply URL'.concat(
        call.pkce ? '; codeVerifier: the PKCE verifier kept since sign-in began.' : '.',
      ),
    ],
    refresh_token: ['// refreshToken: the refresh token from an earlier response.'],
  }[call.grant];
  return [
    'using Microsoft.Identity.Client;',
    ...(call.credential.kind === 'certificate'
      ? ['using System.Security.Cryptography.X509Certificates;']
      : []),
    '',
    ...msalNotes(call).map((line) => `// ${line}`),
    `IConfidentialClientApplication app = ConfidentialClientApplicationBuilder.Create(${literal(call.clientId)})`,
    `    .WithAuthority(${literal(call.authority)})`,
    ...credential,
    ...(call.redirectUri ? [`    .WithRedirectUri(${literal(call.redirectUri)})`] : []),
    '    .Build();',
    '',
    scopes,
    '',
    ...comment,
    `async Task<AuthenticationResult> AcquireTokenAsync(${params}) =>`,
    `    await ${body}`,
    '        .ExecuteAsync();',
    '',
  ].join('\n');
}

/** MSAL for Python (`msal`). */
export function pythonCode(call: MsalCall): string {
  const thumbprint =
    call.credential.kind === 'certificate' ? call.credential.thumbprint : undefined;
  const credential =
    call.credential.kind === 'secret'
      ? ['    client_credential=os.environ["CLIENT_SECRET"],']
      : [
          '    client_credential={',
          '        "private_key": open(os.environ["CLIENT_CERT_KEY_PATH"]).read(),',
          thumbprint?.algorithm === 'sha1'
            ? `        "thumbprint": ${literal(thumbprint.hex)},`
            : '        "thumbprint": os.environ["CLIENT_CERT_THUMBPRINT"],  # SHA-1, hex',
          '    },',
        ];
  const scopes = `[${call.scopes.map(literal).join(', ')}]`;
  const [params, doc, body] = {
    client_credentials: ['', [], `app.acquire_token_for_client(scopes=${scopes})`],
    on_behalf_of: [
      'incoming_token',
      ['incoming_token: the access token your API received (Authorization: Bearer).'],
      `app.acquire_token_on_behalf_of(incoming_token, scopes=${scopes})`,
    ],
    authorization_code: call.pkce
      ? [
          'auth_code_flow, auth_response',
          [
            'auth_code_flow: what app.initiate_auth_code_flow(scopes, redirect_uri=...) returned',
            'when sign-in began (it keeps the state and the PKCE verifier);',
            'auth_response: the query parameters of the redirect to your reply URL.',
          ],
          `app.acquire_token_by_auth_code_flow(auth_code_flow, auth_response, scopes=${scopes})`,
        ]
      : [
          'code',
          ['code: from the redirect to your reply URL.'],
          `app.acquire_token_by_authorization_code(code, scopes=${scopes}, redirect_uri=${literal(call.redirectUri ?? '')})`,
        ],
    refresh_token: [
      'refresh_token',
      ['refresh_token: the refresh token from an earlier response.'],
      `app.acquire_token_by_refresh_token(refresh_token, scopes=${scopes})`,
    ],
  }[call.grant] as [string, string[], string];
  return [
    'import os',
    '',
    'import msal',
    '',
    ...msalNotes(call).map((line) => `# ${line}`),
    'app = msal.ConfidentialClientApplication(',
    `    ${literal(call.clientId)},`,
    `    authority=${literal(call.authority)},`,
    ...credential,
    ')',
    '',
    '',
    `def acquire_token(${params}):`,
    ...(doc.length > 0 ? [`    """${doc.join('\n    ')}"""`] : []),
    `    return ${body}`,
    '',
  ].join('\n');
}
