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
