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

describe('reply URL exactness (issue 6): the string compared is the string redirected to', () => {
  const exact = app(['https://webapp.contoso.example/signin-oidc']);
  const wildcard = app(['https://*.contoso.example/signin-oidc']);

  it.each([
    ['a trailing vertical tab', 'https://webapp.contoso.example/signin-oidc\u000b'],
    ['a newline in the path', 'https://webapp.contoso.example/si\ngnin-oidc'],
    ['a tab in the host', 'https://webapp.contoso\t.example/signin-oidc'],
    ['a leading space', ' https://webapp.contoso.example/signin-oidc'],
    ['a NUL byte', 'https://webapp.contoso.example/signin-oidc\u0000'],
    ['DEL', 'https://webapp.contoso.example/signin-oidc\u007f'],
    ['a no-break space', 'https://webapp.contoso.example/signin-oidc\u00a0'],
    ['a fragment', 'https://webapp.contoso.example/signin-oidc#x'],
    ['an empty fragment', 'https://webapp.contoso.example/signin-oidc#'],
    [
      'a header-injection fragment',
      'https://webapp.contoso.example/signin-oidc#\r\nSet-Cookie: x=1',
    ],
    ['userinfo', 'https://user@webapp.contoso.example/signin-oidc'],
    ['empty userinfo', 'https://@webapp.contoso.example/signin-oidc'],
    ['a full-width dot in the host', 'https://webapp\uff0econtoso.example/signin-oidc'],
    ['full-width letters in the host', 'https://\uff57\uff45\uff42app.contoso.example/signin-oidc'],
    ['a zero-width space in the host', 'https://web\u200bapp.contoso.example/signin-oidc'],
    ['a soft hyphen in the host', 'https://web\u00adapp.contoso.example/signin-oidc'],
    ['a backslash for the slash', 'https://webapp.contoso.example\\signin-oidc'],
    ['a dot segment', 'https://webapp.contoso.example/x/../signin-oidc'],
    ['a percent-encoded letter', 'https://webapp.contoso.example/%73ignin-oidc'],
    ['a trailing dot on the host', 'https://webapp.contoso.example./signin-oidc'],
    ['an explicit other port', 'https://webapp.contoso.example:8443/signin-oidc'],
    ['an empty port', 'https://webapp.contoso.example:/signin-oidc'],
  ])('refuses %s', (_label, requested) => {
    expect(matchRedirectUri(exact, requested).ok).toBe(false);
  });

  it('refuses a wildcard match on another port, with userinfo, or with a non-ASCII label', () => {
    for (const requested of [
      'https://evil.contoso.example:1234/signin-oidc',
      'https://evil.contoso.example:443/signin-oidc/',
      'https://a@evil.contoso.example/signin-oidc',
      'https://ev\u0131l.contoso.example/signin-oidc',
      'https://evil\uff0econtoso.example/signin-oidc',
      'https://evil.contoso.example/signin-oidc\n',
      'https://evil.contoso.example/signin-oidc#frag',
      'https://*.contoso.example/signin-oidc',
      'https://.contoso.example/signin-oidc',
    ]) {
      expect(matchRedirectUri(wildcard, requested).ok, requested).toBe(false);
    }
  });

  it('redirects an exact match to the requested string itself, never to a normalised form', () => {
    const m = matchRedirectUri(exact, 'https://WebApp.contoso.example/signin-oidc');
    expect(m).toMatchObject({
      ok: true,
      redirectTo: 'https://WebApp.contoso.example/signin-oidc',
    });
  });

  it('returns a registered URI without a path with a trailing slash', () => {
    const m = matchRedirectUri(app(['https://contoso.example']), 'https://contoso.example');
    expect(m).toMatchObject({ ok: true, redirectTo: 'https://contoso.example/' });
    expect(matchRedirectUri(app(['https://contoso.example']), 'https://contoso.example/').ok).toBe(
      true,
    );
  });

  it('keeps the loopback port of the request and compares its path exactly', () => {
    const a = app(['http://127.0.0.1/callback']);
    expect(matchRedirectUri(a, 'http://127.0.0.1:49152/callback')).toMatchObject({
      ok: true,
      redirectTo: 'http://127.0.0.1:49152/callback',
    });
    expect(matchRedirectUri(a, 'http://127.0.0.1:49152/callback\t').ok).toBe(false);
    expect(matchRedirectUri(a, 'http://127.0.0.1:49152/Callback').ok).toBe(false);
  });

  it('matches a registered query only exactly', () => {
    const a = app(['https://app.contoso.example/cb?tenant=1']);
    expect(matchRedirectUri(a, 'https://app.contoso.example/cb?tenant=1').ok).toBe(true);
    expect(matchRedirectUri(a, 'https://app.contoso.example/cb?tenant=2').ok).toBe(false);
    expect(matchRedirectUri(a, 'https://app.contoso.example/cb').ok).toBe(false);
  });
});

describe('reply URL refusal reasons', () => {
  const a = app(['https://webapp.contoso.example/signin-oidc']);
  it.each([
    ['https://webapp.contoso.example/signin-oidc\u000b', 'unsafe-characters'],
    ['https://web\u200bapp.contoso.example/signin-oidc', 'unsafe-characters'],
    ['https://webapp\uff0econtoso.example/signin-oidc', 'non-ascii-host'],
    ['https://user@webapp.contoso.example/signin-oidc', 'userinfo'],
    ['https://webapp.contoso.example/signin-oidc#x', 'fragment'],
    ['javascript:alert(1)', 'insecure-scheme'],
    ['signin-oidc', 'not-absolute'],
  ])('%j is refused as %s', (requested, reason) => {
    expect(matchRedirectUri(a, requested)).toEqual({ ok: false, reason });
  });
});
