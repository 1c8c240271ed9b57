// The editor's Grants tab: delegated permission grants (consent) and application permissions.
import type { ReactElement } from 'react';
import type { TabProps } from './DirectoryTab';
import { Group, SelectField, TextField } from './fields';

/** Delegated grants (`oauth2PermissionGrants`) and app role assignments to service principals. */
export function GrantsTab({ world, replace }: TabProps): ReactElement {
  const { directory } = world;
  const sps = directory.servicePrincipals.map((sp) => ({ value: sp.id, label: sp.displayName }));
  const users = [
    { value: null, label: '(everyone: tenant-wide)' },
    ...directory.users.map((u) => ({ value: u.id, label: u.displayName })),
  ];
  const set = (key: 'oauth2PermissionGrants' | 'appRoleAssignments', value: unknown) =>
    replace({ ...world, directory: { ...directory, [key]: value } });
  const rolesOf = (spId: string) => {
    const appId = directory.servicePrincipals.find((sp) => sp.id === spId)?.appId;
    const app = directory.applications.find((a) => a.appId === appId);
    return (app?.appRoles ?? []).map((r) => ({ value: r.id, label: r.value }));
  };
  return (
    <div className="editor-tab-body">
      <h3>Delegated permissions (consent)</h3>
      {directory.oauth2PermissionGrants.map((grant, i) => {
        const base = ['directory', 'oauth2PermissionGrants', i] as const;
        return (
          <Group
            key={grant.id}
            title={`Grant ${i + 1}`}
            removeLabel={`Remove grant ${i + 1}`}
            onRemove={() =>
              set(
                'oauth2PermissionGrants',
                directory.oauth2PermissionGrants.filter((_, j) => j !== i),
              )
            }
          >
            <SelectField
              label="Client"
              path={[...base, 'clientId']}
              value={grant.clientId}
              options={sps}
            />
            <SelectField
              label="Resource"
              path={[...base, 'resourceId']}
              value={grant.resourceId}
              options={sps}
            />
            <SelectField
              label="For"
              path={[...base, 'principalId']}
              value={grant.principalId}
              options={users}
              onPick={(principalId) =>
                set(
                  'oauth2PermissionGrants',
                  directory.oauth2PermissionGrants.map((g, j) =>
                    j === i
                      ? {
                          ...g,
                          principalId,
                          consentType: principalId ? 'Principal' : 'AllPrincipals',
                        }
                      : g,
                  ),
                )
              }
            />
            <TextField
              label="Scopes (space-separated)"
              path={[...base, 'scope']}
              value={grant.scope}
            />
          </Group>
        );
      })}
      <button
        type="button"
        className="editor-small-button"
        onClick={() =>
          set('oauth2PermissionGrants', [
            ...directory.oauth2PermissionGrants,
            {
              id: globalThis.crypto.randomUUID(),
              clientId: sps[0]?.value ?? '',
              consentType: 'AllPrincipals',
              principalId: null,
              resourceId: sps[1]?.value ?? sps[0]?.value ?? '',
              scope: '',
            },
          ])
        }
      >
        Add a delegated grant
      </button>
      <h3>Application permissions (admin-consented app roles)</h3>
      {directory.appRoleAssignments.map((assignment, i) => {
        const base = ['directory', 'appRoleAssignments', i] as const;
        return (
          <Group
            key={assignment.id}
            title={`Application permission ${i + 1}`}
            removeLabel={`Remove application permission ${i + 1}`}
            onRemove={() =>
              set(
                'appRoleAssignments',
                directory.appRoleAssignments.filter((_, j) => j !== i),
              )
            }
          >
            <SelectField
              label="Client (holder)"
              path={[...base, 'principalId']}
              value={assignment.principalId}
              options={sps}
            />
            <SelectField
              label="Resource"
              path={[...base, 'resourceId']}
              value={assignment.resourceId}
              options={sps}
            />
            <SelectField
              label="App role"
              path={[...base, 'appRoleId']}
              value={assignment.appRoleId}
              options={rolesOf(assignment.resourceId)}
            />
          </Group>
        );
      })}
      <button
        type="button"
        className="editor-small-button"
        onClick={() =>
          set('appRoleAssignments', [
            ...directory.appRoleAssignments,
            {
              id: globalThis.crypto.randomUUID(),
              principalId: sps[0]?.value ?? '',
              principalType: 'ServicePrincipal',
              resourceId: sps[1]?.value ?? sps[0]?.value ?? '',
              appRoleId: rolesOf(sps[1]?.value ?? '')[0]?.value ?? '',
            },
          ])
        }
      >
        Add an application permission
      </button>
    </div>
  );
}
