// App roles and required resource access of one app registration (part of the Apps tab).
import type { ReactElement } from 'react';
import type { TabProps } from './DirectoryTab';
import { CheckField, Group, GroupList, TextField } from './fields';

/** Props: the tab's, plus which app and how to set one of its fields. */
export interface AppPartProps extends TabProps {
  index: number;
  setApp: (key: string, value: unknown) => void;
}

/** App roles (who may hold them) and the static permission requests (`requiredResourceAccess`). */
export function AppRolesAndAccess({ world, index, setApp }: AppPartProps): ReactElement | null {
  const app = world.directory.applications[index];
  if (!app) return null;
  const base = ['directory', 'applications', index] as const;
  return (
    <>
      <Group title="App roles">
        <GroupList
          items={app.appRoles}
          itemKey={(role) => role.id}
          title={(role) => `Role ${role.value}`}
          onChange={(roles) => setApp('appRoles', roles)}
          newItem={() => ({
            id: globalThis.crypto.randomUUID(),
            value: 'New.Role',
            displayName: 'New role',
            description: 'New role',
            allowedMemberTypes: ['Application' as const],
            isEnabled: true,
          })}
          addLabel="Add an app role"
        >
          {(role, r) => (
            <>
              <TextField
                label="Value"
                path={[...base, 'appRoles', r, 'value']}
                value={role.value}
              />
              <TextField
                label="Display name"
                path={[...base, 'appRoles', r, 'displayName']}
                value={role.displayName}
              />
              <CheckField
                label="Applications may hold it (an application permission)"
                path={[...base, 'appRoles', r, 'allowedMemberTypes']}
                value={role.allowedMemberTypes.includes('Application')}
                toValue={(checked) => [
                  ...role.allowedMemberTypes.filter((t) => t !== 'Application'),
                  ...(checked ? ['Application'] : []),
                ]}
              />
              <CheckField
                label="Enabled"
                path={[...base, 'appRoles', r, 'isEnabled']}
                value={role.isEnabled}
              />
            </>
          )}
        </GroupList>
      </Group>
      <Group title="API permissions (requiredResourceAccess)">
        {app.requiredResourceAccess.map((access, a) => {
          const resource = world.directory.applications.find(
            (x) => x.appId === access.resourceAppId,
          );
          return (
            <Group
              key={`${access.resourceAppId}-${a}`}
              title={resource?.displayName ?? access.resourceAppId}
              onRemove={() =>
                setApp(
                  'requiredResourceAccess',
                  app.requiredResourceAccess.filter((_, k) => k !== a),
                )
              }
            >
              <TextField
                label="Resource app id"
                path={[...base, 'requiredResourceAccess', a, 'resourceAppId']}
                value={access.resourceAppId}
              />
              <ul className="editor-list">
                {access.resourceAccess.map((item) => {
                  const name =
                    item.type === 'Scope'
                      ? resource?.api.oauth2PermissionScopes.find((s) => s.id === item.id)?.value
                      : resource?.appRoles.find((r) => r.id === item.id)?.value;
                  return (
                    <li key={item.id}>
                      {item.type === 'Scope' ? 'Delegated' : 'Application'}: {name ?? item.id}
                    </li>
                  );
                })}
              </ul>
            </Group>
          );
        })}
        <p className="editor-note">
          Add permissions by resource in the JSON tab; grants (consent) are on the Grants tab.
        </p>
      </Group>
    </>
  );
}
