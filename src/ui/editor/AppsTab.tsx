// The editor's App registrations tab: the fields the token service reads, per app.
import { useState, type ReactElement } from 'react';
import { loadEngine } from '../../state/index';
import { newSecret } from '../../state/world/edit';
import { AppRolesAndAccess } from './AppRolesAndAccess';
import type { TabProps } from './DirectoryTab';
import { CheckField, Group, GroupList, LinesField, SelectField, TextField } from './fields';
import { UseGeneratedKey, type GeneratedForApp } from './UseGeneratedKey';

const AUDIENCES = [
  { value: 'AzureADMyOrg', label: 'This organization only (AzureADMyOrg)' },
  { value: 'AzureADMultipleOrgs', label: 'Any organization (AzureADMultipleOrgs)' },
  {
    value: 'AzureADandPersonalMicrosoftAccount',
    label: 'Organizations and personal accounts',
  },
  { value: 'PersonalMicrosoftAccount', label: 'Personal accounts only' },
] as const;

const TOKEN_VERSIONS = [
  { value: null, label: 'v1.0 (null, the default)' },
  { value: 1, label: 'v1.0 (1)' },
  { value: 2, label: 'v2.0 (2)' },
] as const;

const YEAR = 365 * 86_400;
const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** One app registration at a time, picked by name. */
export function AppsTab({ world, replace }: TabProps): ReactElement {
  const apps = world.directory.applications;
  const [picked, setPicked] = useState(0);
  const [certError, setCertError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [generated, setGenerated] = useState<GeneratedForApp | null>(null);
  const i = Math.min(picked, apps.length - 1);
  const app = apps[i];
  if (!app) return <p className="editor-note">This world has no app registrations.</p>;
  const base = ['directory', 'applications', i] as const;
  const setApp = (key: string, value: unknown) =>
    replace({
      ...world,
      directory: {
        ...world.directory,
        applications: apps.map((a, j) => (j === i ? { ...a, [key]: value } : a)),
      },
    });
  const generateCertificate = async () => {
    setMaking(true);
    setCertError(null);
    try {
      const { engine } = await loadEngine();
      const cert = await engine.generateCertificate(app.displayName, world.startTime, YEAR);
      setApp('keyCredentials', [
        ...app.keyCredentials,
        {
          keyId: globalThis.crypto.randomUUID(),
          displayName: cert.subject,
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          key: cert.certificateBase64,
          startDateTime: cert.notBefore,
          endDateTime: cert.notAfter,
        },
      ]);
      setGenerated({
        appId: app.appId,
        subject: cert.subject,
        key: { pkcs8: cert.privateKeyPkcs8Pem, certificate: cert.certificateBase64 },
      });
    } catch (error) {
      setCertError(
        `The certificate could not be made (${error instanceof Error ? error.message : 'WebCrypto failed'}).`,
      );
    } finally {
      setMaking(false);
    }
  };
  return (
    <div className="editor-tab-body">
      <label className="editor-field">
        <span>App registration</span>
        <select value={String(i)} onChange={(e) => setPicked(Number(e.target.value))}>
          {apps.map((a, j) => (
            <option key={a.appId} value={String(j)}>
              {a.displayName} ({a.appId.slice(0, 8)}…)
            </option>
          ))}
        </select>
      </label>
      <Group title="Registration">
        <TextField label="Display name" path={[...base, 'displayName']} value={app.displayName} />
        <TextField label="Application (client) id" path={[...base, 'appId']} value={app.appId} />
        <SelectField
          label="Sign-in audience"
          path={[...base, 'signInAudience']}
          value={app.signInAudience}
          options={AUDIENCES}
        />
        <LinesField
          label="Application ID URIs"
          hint="identifierUris, one per line"
          path={[...base, 'identifierUris']}
          value={app.identifierUris}
        />
      </Group>
      <Group title="Redirect URIs">
        <LinesField
          label="Web"
          path={[...base, 'web', 'redirectUris']}
          value={app.web.redirectUris}
        />
        <LinesField
          label="Single-page application"
          path={[...base, 'spa', 'redirectUris']}
          value={app.spa.redirectUris}
        />
        <LinesField
          label="Mobile and desktop (public client)"
          path={[...base, 'publicClient', 'redirectUris']}
          value={app.publicClient.redirectUris}
        />
        <CheckField
          label="Implicit grant: issue ID tokens"
          path={[...base, 'web', 'implicitGrantSettings', 'enableIdTokenIssuance']}
          value={app.web.implicitGrantSettings.enableIdTokenIssuance}
        />
        <CheckField
          label="Implicit grant: issue access tokens"
          path={[...base, 'web', 'implicitGrantSettings', 'enableAccessTokenIssuance']}
          value={app.web.implicitGrantSettings.enableAccessTokenIssuance}
        />
      </Group>
      <Group title="Expose an API">
        <SelectField
          label="Requested access token version"
          path={[...base, 'api', 'requestedAccessTokenVersion']}
          value={app.api.requestedAccessTokenVersion}
          options={TOKEN_VERSIONS}
        />
        <LinesField
          label="Known client applications"
          hint="app ids, one per line"
          path={[...base, 'api', 'knownClientApplications']}
          value={app.api.knownClientApplications}
        />
        <GroupList
          items={app.api.oauth2PermissionScopes}
          itemKey={(scope) => scope.id}
          title={(scope) => `Scope ${scope.value}`}
          onChange={(scopes) => setApp('api', { ...app.api, oauth2PermissionScopes: scopes })}
          newItem={() => ({
            id: globalThis.crypto.randomUUID(),
            value: 'New.Scope',
            type: 'User' as const,
            isEnabled: true,
            adminConsentDisplayName: 'New scope',
            adminConsentDescription: 'New scope',
          })}
          addLabel="Add a scope"
        >
          {(scope, s) => (
            <>
              <TextField
                label="Value"
                path={[...base, 'api', 'oauth2PermissionScopes', s, 'value']}
                value={scope.value}
              />
              <SelectField
                label="Who can consent"
                path={[...base, 'api', 'oauth2PermissionScopes', s, 'type']}
                value={scope.type}
                options={[
                  { value: 'User', label: 'Admins and users' },
                  { value: 'Admin', label: 'Admins only' },
                ]}
              />
              <CheckField
                label="Enabled"
                path={[...base, 'api', 'oauth2PermissionScopes', s, 'isEnabled']}
                value={scope.isEnabled}
              />
            </>
          )}
        </GroupList>
        <GroupList
          items={app.api.preAuthorizedApplications}
          itemKey={(pre, p) => `${pre.appId}-${p}`}
          title={(_, p) => `Pre-authorized client ${p + 1}`}
          onChange={(pre) => setApp('api', { ...app.api, preAuthorizedApplications: pre })}
          newItem={() => ({
            appId: '',
            permissionIds: app.api.oauth2PermissionScopes.map((scope) => scope.id),
          })}
          addLabel="Add a pre-authorized client"
        >
          {(pre, p) => (
            <>
              <TextField
                label="Client app id"
                path={[...base, 'api', 'preAuthorizedApplications', p, 'appId']}
                value={pre.appId}
              />
              <LinesField
                label="Scope ids"
                hint="one per line"
                path={[...base, 'api', 'preAuthorizedApplications', p, 'permissionIds']}
                value={pre.permissionIds}
              />
            </>
          )}
        </GroupList>
      </Group>
      <AppRolesAndAccess world={world} replace={replace} index={i} setApp={setApp} />
      <Group title="Certificates and secrets">
        {app.passwordCredentials.map((secret, s) => (
          <p key={secret.keyId} className="editor-credential">
            Secret “{secret.displayName}” {secret.hint}… expires {date(secret.endDateTime)}
            <button
              type="button"
              className="editor-small-button"
              onClick={() =>
                setApp(
                  'passwordCredentials',
                  app.passwordCredentials.filter((_, k) => k !== s),
                )
              }
            >
              Remove secret {secret.hint}…
            </button>
          </p>
        ))}
        {app.keyCredentials.map((key, k) => (
          <p key={key.keyId} className="editor-credential">
            Certificate “{key.displayName}” expires {date(key.endDateTime)}
            <button
              type="button"
              className="editor-small-button"
              onClick={() =>
                setApp(
                  'keyCredentials',
                  app.keyCredentials.filter((_, j) => j !== k),
                )
              }
            >
              Remove certificate {key.displayName}
            </button>
          </p>
        ))}
        <div className="editor-actions">
          <button
            type="button"
            className="editor-small-button"
            onClick={() =>
              setApp('passwordCredentials', [
                ...app.passwordCredentials,
                newSecret(world.startTime),
              ])
            }
          >
            New secret
          </button>
          <button
            type="button"
            className="editor-small-button"
            disabled={making}
            onClick={() => void generateCertificate()}
          >
            {making ? 'Generating…' : 'Generate a certificate'}
          </button>
        </div>
        {certError ? <p className="editor-message">{certError}</p> : null}
        {generated?.appId === app.appId &&
        app.keyCredentials.some((k) => k.key === generated.key.certificate) ? (
          <UseGeneratedKey
            key={generated.key.certificate}
            world={world}
            replace={replace}
            generated={generated}
          />
        ) : null}
        <p className="editor-note">
          Simulator-only credentials, made in this page. A new secret is not used by a party until
          you set it as the party&apos;s credential (JSON tab); a generated certificate&apos;s key
          stays in this page until you use it.
        </p>
      </Group>
    </div>
  );
}
