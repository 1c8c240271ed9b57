import { describe, expect, it } from 'vitest';
import { application } from '../../../scenarios/contoso';
import { matchRedirectUri } from './reply-url';

const app = (
  web: string[],
  signInAudience: 'AzureADMyOrg' | 'AzureADandPersonalMicrosoftAccount' = 'AzureADMyOrg',
) =>
  application({
    appId: '11111111-1111-4111-8111-111111111111',
    displayName: 'Reply URL test',
    signInAudience,
    web: {
      redirectUris: web,
      implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
    },
  });

describe('reply URL matching (reply-url doc)', () => {
  it('matches an exact https URI and keeps it', () => {
    const m = matchRedirectUri(
      app(['https://app.contoso.example/signin-oidc']),
      'https://app.contoso.example/signin-oidc',
    );
    expect(m).toMatchObject({
      ok: true,
      platform: 'web',
      wildcard: false,
      redirectTo: 'https://app.contoso.example/signin-oidc',
    });
  });

  it('is case-sensitive in the path, case-insensitive in the host', () => {
    const a = app(['https://app.contoso.example/SignIn']);
    expect(matchRedirectUri(a, 'https://APP.contoso.example/SignIn').ok).toBe(true);
    expect(matchRedirectUri(a, 'https://app.contoso.example/signin')).toEqual({
      ok: false,
      reason: 'not-registered',
    });
  });

  it('ignores the port of loopback URIs but not their path', () => {
    const a = app(['http://localhost/callback']);
    expect(matchRedirectUri(a, 'http://localhost:5173/callback').ok).toBe(true);
    expect(matchRedirectUri(a, 'http://localhost:5173/other').ok).toBe(false);
  });

  it('refuses http for non-loopback hosts and relative URIs', () => {
    const a = app(['https://app.contoso.example/cb']);
    expect(matchRedirectUri(a, 'http://app.contoso.example/cb')).toEqual({
      ok: false,
      reason: 'insecure-scheme',
    });
    expect(matchRedirectUri(a, '/cb')).toEqual({ ok: false, reason: 'not-absolute' });
  });

  it('matches a wildcard host for a work/school-only app and strips query and fragment', () => {
    const m = matchRedirectUri(
      app(['https://*.contoso.example/signin-oidc']),
      'https://tenant1.contoso.example/signin-oidc?x=1',
    );
    expect(m).toMatchObject({
      ok: true,
      wildcard: true,
      redirectTo: 'https://tenant1.contoso.example/signin-oidc',
    });
  });

  it('does not let a wildcard match a different path or the bare domain', () => {
    const a = app(['https://*.contoso.example/signin-oidc']);
    expect(matchRedirectUri(a, 'https://x.contoso.example/other').ok).toBe(false);
    expect(matchRedirectUri(a, 'https://contoso.example/signin-oidc').ok).toBe(false);
  });

  it('refuses wildcards for apps that accept personal Microsoft accounts', () => {
    const a = app(['https://*.contoso.example/signin-oidc'], 'AzureADandPersonalMicrosoftAccount');
    expect(matchRedirectUri(a, 'https://x.contoso.example/signin-oidc')).toEqual({
      ok: false,
      reason: 'wildcard-not-allowed',
    });
  });
});
