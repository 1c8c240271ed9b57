// Protocol steps recognised from single messages: endpoints, grants, versions and failures.
import { describe, expect, it } from 'vitest';
import type { HarMessage } from './read';
import { recogniseMessage } from './recognise';

const LOGIN = 'https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function message(
  method: 'GET' | 'POST',
  url: string,
  status: number,
  options: { body?: string; responseBody?: string; responseHeaders?: Record<string, string> } = {},
): HarMessage {
  return {
    entry: 0,
    started: 0,
    ended: 1,
    request: {
      method,
      url,
      headers: options.body ? FORM : {},
      ...(options.body ? { body: options.body } : {}),
    },
    response: {
      status,
      statusText: '',
      headers: options.responseHeaders ?? { 'Content-Type': 'application/json' },
      body: options.responseBody ?? '',
    },
  };
}

describe('recogniseMessage', () => {
  it('tells the endpoints apart, v1 from v2', () => {
    const v1 = recogniseMessage(
      message(
        'GET',
        `${LOGIN}/oauth2/authorize?client_id=a&response_type=code&resource=api://x`,
        200,
      ),
    );
    expect(v1.request.title).toBe('Authorization request (v1.0 endpoint)');
    expect(v1.request.text).toContain('resource api://x');
    expect(
      recogniseMessage(
        message(
          'GET',
          'https://login.microsoftonline.com/common/discovery/instance?api-version=1.1',
          200,
        ),
      ).label,
    ).toMatch(/\(instance discovery\)$/);
    expect(
      recogniseMessage(
        message('POST', `${LOGIN}/oauth2/v2.0/devicecode`, 200, {
          body: 'client_id=a&scope=openid',
        }),
      ).label,
    ).toMatch(/\(device code\)$/);
    expect(
      recogniseMessage(
        message('GET', `${LOGIN}/oauth2/v2.0/logout`, 302, {
          responseHeaders: { Location: 'https://app.example/bye' },
        }),
      ).response.title,
    ).toBe('Redirect back to the app');
    expect(recogniseMessage(message('GET', `${LOGIN}/discovery/keys`, 200)).kind).toBe('jwks');
  });

  it('names the grant of a token request, and OBO only with requested_token_use', () => {
    const refresh = recogniseMessage(
      message('POST', `${LOGIN}/oauth2/token`, 200, {
        body: 'grant_type=refresh_token&client_id=a&refresh_token=r',
      }),
    );
    expect(refresh.request.title).toBe('Refresh token grant (v1.0)');
    const bearer =
      'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=a&assertion=x';
    expect(
      recogniseMessage(message('POST', `${LOGIN}/oauth2/v2.0/token`, 200, { body: bearer })).label,
    ).toMatch(/\(JWT bearer\)$/);
    expect(
      recogniseMessage(
        message('POST', `${LOGIN}/oauth2/v2.0/token`, 200, {
          body: `${bearer}&requested_token_use=on_behalf_of`,
        }),
      ).label,
    ).toMatch(/\(on-behalf-of\)$/);
    const cc = recogniseMessage(
      message('POST', `${LOGIN}/oauth2/v2.0/token`, 200, {
        body: 'grant_type=client_credentials&client_id=a&scope=api%3A%2F%2Forders%2F.default',
      }),
    );
    expect(cc.request.text).toContain('app-only token for api://orders/.default');
  });

  it('finds the AADSTS code of an error redirect, an error page and a JSON body', () => {
    const redirect = recogniseMessage(
      message('GET', `${LOGIN}/oauth2/v2.0/authorize?client_id=a`, 302, {
        responseHeaders: {
          Location:
            'https://app.example/cb?error=invalid_request&error_description=AADSTS50011%3A+The+redirect+URI+does+not+match',
        },
      }),
    );
    expect(redirect.failure).toMatchObject({ code: 50011, error: 'invalid_request' });
    expect(redirect.outcome).toBe('error');
    const page = recogniseMessage(
      message('GET', `${LOGIN}/oauth2/v2.0/authorize?client_id=a`, 200, {
        responseHeaders: { 'Content-Type': 'text/html' },
        responseBody: '<html><body>AADSTS700016: Application not found</body></html>',
      }),
    );
    expect(page.failure?.code).toBe(700016);
    const graph = recogniseMessage(
      message('GET', 'https://graph.microsoft.com/v1.0/users', 403, {
        responseBody:
          '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}',
      }),
    );
    expect(graph.failure).toEqual({
      error: 'Authorization_RequestDenied',
      description: 'Insufficient privileges.',
    });
    expect(
      recogniseMessage(message('GET', 'https://graph.microsoft.com/v1.0/me', 200)).failure,
    ).toBeUndefined();
  });
});
