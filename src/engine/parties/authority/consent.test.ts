import { describe, expect, it } from 'vitest';
import { APP, contosoDirectory, PERMISSION, SP, TENANT_ID, USER } from '../../../scenarios/contoso';
import { grantedDelegatedScopes } from '../../directory/directory';
import type { Directory } from '../../directory/model';
import { evaluateConsent, recordConsent } from './consent';

const app = (d: Directory, id: string) => {
  const found = d.applications.find((a) => a.appId === id);
  if (!found) throw new Error(id);
  return found;
};
const user = (d: Directory, id: string) => {
  const found = d.users.find((u) => u.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** The SPA without any grant yet, so every permission needs consent. */
function freshDirectory(): Directory {
  const d = contosoDirectory();
  d.oauth2PermissionGrants = [];
  return d;
}

describe('consent evaluation', () => {
  it('prompts for explicit scopes not granted, and not for granted ones', () => {
    const d = freshDirectory();
    const todo = app(d, APP.todoApi);
    const first = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: todo, permissions: ['Todo.Read'] }],
      false,
    );
    expect(first.toPrompt.map((i) => i.scope)).toEqual(['Todo.Read']);
    recordConsent(d, TENANT_ID, user(d, USER.ada), first.toPrompt, false, () => 'g1');
    const again = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: todo, permissions: ['Todo.Read'] }],
      false,
    );
    expect(again.toPrompt).toEqual([]);
    expect(d.oauth2PermissionGrants[0]).toMatchObject({
      consentType: 'Principal',
      principalId: USER.ada,
      clientId: SP.spa,
      resourceId: SP.todoApi,
      scope: 'Todo.Read',
    });
  });

  it('prompt=consent prompts again even when granted', () => {
    const d = contosoDirectory();
    const e = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: app(d, APP.todoApi), permissions: ['Todo.Read'] }],
      true,
    );
    expect(e.toPrompt.map((i) => i.scope)).toEqual(['Todo.Read']);
  });

  it(".default with knownClientApplications bundles the middle tier's downstream permissions", () => {
    const d = freshDirectory();
    const e = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: app(d, APP.todoApi), permissions: ['.default'] }],
      false,
    );
    expect(
      e.toPrompt.map(
        (i) =>
          `${i.via}:${i.clientAppId === APP.todoApi ? 'todo' : 'spa'}->${i.resourceName}/${i.scope}`,
      ),
    ).toEqual(['client:spa->Todo API/Todo.Read', 'known-client:todo->Reports API/Reports.Read']);
    recordConsent(
      d,
      TENANT_ID,
      user(d, USER.ada),
      e.toPrompt,
      false,
      () => `g${d.oauth2PermissionGrants.length}`,
    );
    const obo = grantedDelegatedScopes(
      d,
      TENANT_ID,
      app(d, APP.todoApi),
      app(d, APP.reportsApi),
      USER.ada,
    );
    expect([...obo.consented]).toEqual(['Reports.Read']);
  });

  it(".default combines every permission in the client's requiredResourceAccess, whichever API is named (OBO doc)", () => {
    const d = freshDirectory();
    const webApp = app(d, APP.webApp);
    // The web app needs Orders.Read and Todo.Read; the Todo API (API A) names the web app in
    // knownClientApplications and itself needs Reports.Read (API B).
    expect(webApp.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual([
      APP.ordersApi,
      APP.todoApi,
    ]);
    expect(app(d, APP.todoApi).api.knownClientApplications).toContain(APP.webApp);
    const label = (i: { via: string; clientName: string; resourceName: string; scope: string }) =>
      `${i.via}:${i.clientName}->${i.resourceName}/${i.scope}`;
    const all = [
      'client:Contoso Todo web app->Orders API/Orders.Read',
      'client:Contoso Todo web app->Todo API/Todo.Read',
      'known-client:Todo API->Reports API/Reports.Read',
    ];
    const graph = app(d, APP.graph);
    for (const requested of [
      [{ app: app(d, APP.ordersApi), permissions: ['.default'] }],
      // `scope=openid offline_access .default`: no resource named, so Microsoft Graph's .default.
      [{ app: graph, permissions: ['.default'] }],
    ]) {
      const e = evaluateConsent(d, TENANT_ID, webApp, user(d, USER.ada), requested, false);
      expect(e.toPrompt.map(label)).toEqual(all);
    }
    const e = evaluateConsent(
      d,
      TENANT_ID,
      webApp,
      user(d, USER.ada),
      [{ app: app(d, APP.ordersApi), permissions: ['.default'] }],
      false,
    );
    expect(e.scopesByResource.get(APP.ordersApi)).toEqual(['Orders.Read']);
    recordConsent(
      d,
      TENANT_ID,
      user(d, USER.ada),
      e.toPrompt,
      false,
      () => `g${d.oauth2PermissionGrants.length}`,
    );
    const granted = (client: string, resource: string) => [
      ...grantedDelegatedScopes(d, TENANT_ID, app(d, client), app(d, resource), USER.ada).consented,
    ];
    expect(granted(APP.webApp, APP.ordersApi)).toEqual(['Orders.Read']);
    expect(granted(APP.webApp, APP.todoApi)).toEqual(['Todo.Read']);
    expect(granted(APP.todoApi, APP.reportsApi)).toEqual(['Reports.Read']);
    // Once something is granted for the named resource, .default does not prompt again.
    const again = evaluateConsent(
      d,
      TENANT_ID,
      webApp,
      user(d, USER.ada),
      [{ app: app(d, APP.ordersApi), permissions: ['.default'] }],
      false,
    );
    expect(again.toPrompt).toEqual([]);
  });

  it('without knownClientApplications, .default consent covers only the client', () => {
    const d = freshDirectory();
    app(d, APP.todoApi).api.knownClientApplications = [];
    const e = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: app(d, APP.todoApi), permissions: ['.default'] }],
      false,
    );
    expect(e.toPrompt.map((i) => i.scope)).toEqual(['Todo.Read']);
  });

  it('pre-authorized scopes need no prompt', () => {
    const d = freshDirectory();
    app(d, APP.todoApi).api.preAuthorizedApplications = [
      { appId: APP.spa, permissionIds: [PERMISSION.todoRead] },
    ];
    const e = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: app(d, APP.todoApi), permissions: ['Todo.Read'] }],
      false,
    );
    expect(e.toPrompt).toEqual([]);
  });

  it('admin-only scopes block a normal user but not an admin', () => {
    const d = freshDirectory();
    const scope = app(d, APP.todoApi).api.oauth2PermissionScopes[0];
    if (!scope) throw new Error('scope');
    scope.type = 'Admin';
    const asAda = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.ada),
      [{ app: app(d, APP.todoApi), permissions: ['Todo.Read'] }],
      false,
    );
    expect(asAda.blockedForUser.map((i) => i.scope)).toEqual(['Todo.Read']);
    const asGrace = evaluateConsent(
      d,
      TENANT_ID,
      app(d, APP.spa),
      user(d, USER.grace),
      [{ app: app(d, APP.todoApi), permissions: ['Todo.Read'] }],
      false,
    );
    expect(asGrace.blockedForUser).toEqual([]);
    recordConsent(d, TENANT_ID, user(d, USER.grace), asGrace.toPrompt, true, () => 'org');
    expect(d.oauth2PermissionGrants[0]).toMatchObject({
      consentType: 'AllPrincipals',
      principalId: null,
    });
  });
});
