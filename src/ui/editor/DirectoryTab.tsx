// The editor's Directory tab: tenants, users (admin role, MFA registration), Conditional Access.
import type { ReactElement } from 'react';
import type { World } from '../../state/world/schema';
import { CheckField, Group, GroupList, LinesField, TextField } from './fields';

/** Props of the editor's tabs. */
export interface TabProps {
  world: World;
  replace: (value: unknown) => void;
}

/** Tenants, users and Conditional Access policies. */
export function DirectoryTab({ world, replace }: TabProps): ReactElement {
  const { directory } = world;
  const set = (key: keyof World['directory'], value: unknown) =>
    replace({ ...world, directory: { ...directory, [key]: value } });
  return (
    <div className="editor-tab-body">
      <h3>Tenants</h3>
      {directory.tenants.map((tenant, i) => (
        <Group key={tenant.id} title={tenant.displayName || `Tenant ${i + 1}`}>
          <TextField
            label="Display name"
            path={['directory', 'tenants', i, 'displayName']}
            value={tenant.displayName}
          />
          <TextField label="Tenant id" path={['directory', 'tenants', i, 'id']} value={tenant.id} />
          <LinesField
            label="Verified domains"
            hint="one per line"
            path={['directory', 'tenants', i, 'domains']}
            value={tenant.domains}
          />
        </Group>
      ))}
      <h3>Users</h3>
      <GroupList
        items={directory.users}
        itemKey={(user) => user.id}
        title={(user, i) => user.displayName || `User ${i + 1}`}
        removeLabel={(user) => `Remove user ${user.displayName}`}
        onChange={(users) => set('users', users)}
        newItem={() => ({
          id: globalThis.crypto.randomUUID(),
          tenantId: world.tenantId,
          displayName: 'New user',
          userPrincipalName: `new.user${directory.users.length + 1}@${directory.tenants[0]?.domains[0] ?? 'contoso.onmicrosoft.com'}`,
          isAdmin: false,
        })}
        addLabel="Add user"
      >
        {(user, i) => (
          <>
            <TextField
              label="Display name"
              path={['directory', 'users', i, 'displayName']}
              value={user.displayName}
            />
            <TextField
              label="User principal name"
              path={['directory', 'users', i, 'userPrincipalName']}
              value={user.userPrincipalName}
            />
            <CheckField
              label="Holds an admin role (may consent for the organization)"
              path={['directory', 'users', i, 'isAdmin']}
              value={user.isAdmin}
            />
            <CheckField
              label="Registered for MFA"
              path={['directory', 'users', i, 'isMfaRegistered']}
              value={user.isMfaRegistered ?? true}
            />
          </>
        )}
      </GroupList>
      <h3>Conditional Access policies</h3>
      <p className="editor-note">
        Each policy requires multifactor authentication for tokens of the apps it lists (app ids,
        one per line).
      </p>
      <GroupList
        items={directory.conditionalAccessPolicies}
        itemKey={(policy) => policy.id}
        title={(policy, i) => policy.displayName || `Policy ${i + 1}`}
        removeLabel={(policy) => `Remove policy ${policy.displayName}`}
        onChange={(policies) => set('conditionalAccessPolicies', policies)}
        newItem={() => ({
          id: globalThis.crypto.randomUUID(),
          displayName: 'Require MFA',
          resourceAppIds: [],
          grantControls: ['mfa' as const],
        })}
        addLabel="Add a Conditional Access policy"
      >
        {(policy, i) => (
          <>
            <TextField
              label="Display name"
              path={['directory', 'conditionalAccessPolicies', i, 'displayName']}
              value={policy.displayName}
            />
            <LinesField
              label="Target apps (resource app ids)"
              hint="one per line"
              path={['directory', 'conditionalAccessPolicies', i, 'resourceAppIds']}
              value={policy.resourceAppIds}
            />
          </>
        )}
      </GroupList>
    </div>
  );
}
