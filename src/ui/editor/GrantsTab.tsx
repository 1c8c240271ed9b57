// The editor's Grants tab: delegated permission grants (consent) and application permissions.
import type { ReactElement } from 'react';
import type { TabProps } from './DirectoryTab';
import { GroupList, SelectField, TextField } from './fields';

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
      <GroupList
        items={directory.oauth2PermissionGrants}
        itemKey={(grant) => grant.id}
        title={(_, i) => `Grant ${i + 1}`}
        removeLabel={(_, i) => `Remove grant ${i + 1}`}
        onChange={(grants) => set('oauth2PermissionGrants', grants)}
        newItem={() => ({
          id: globalThis.crypto.randomUUID(),
          clientId: sps[0]?.value ?? '',
          consentType: 'AllPrincipals' as const,
          principalId: null,
          resourceId: sps[1]?.value ?? sps[0]?.value ?? '',
          scope: '',
        })}
        addLabel="Add a delegated grant"
      >
        {(grant, i) => {
          const base = ['directory', 'oauth2PermissionGrants', i] as const;
          return (
            <>
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
            </>
          );
        }}
      </GroupList>
      <h3>Application permissions (admin-consented app roles)</h3>
      <GroupList
        items={directory.appRoleAssignments}
        itemKey={(assignment) => assignment.id}
        title={(_, i) => `Application permission ${i + 1}`}
        removeLabel={(_, i) => `Remove application permission ${i + 1}`}
        onChange={(assignments) => set('appRoleAssignments', assignments)}
        newItem={() => ({
          id: globalThis.crypto.randomUUID(),
          principalId: sps[0]?.value ?? '',
          principalType: 'ServicePrincipal' as const,
          resourceId: sps[1]?.value ?? sps[0]?.value ?? '',
          appRoleId: rolesOf(sps[1]?.value ?? '')[0]?.value ?? '',
        })}
        addLabel="Add an application permission"
      >
        {(assignment, i) => {
          const base = ['directory', 'appRoleAssignments', i] as const;
          return (
            <>
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
            </>
          );
        }}
      </GroupList>
    </div>
  );
}
