// Form fields of the scenario editor: each names the world path it edits and shows the schema's
// message for that path next to it (aria-invalid, aria-describedby).
import {
  createContext,
  useContext,
  useId,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { WorldPath } from '../../state/world/edit';

/** Messages by dotted path (`parties.2.obo.downstream`), and the change function of the draft. */
export interface EditorContextValue {
  messages: ReadonlyMap<string, string>;
  change: (path: WorldPath, value: unknown) => void;
}

/** The editor's issues and change function, for every field below it. */
export const EditorContext = createContext<EditorContextValue>({
  messages: new Map(),
  change: () => undefined,
});

const dotted = (path: WorldPath) => path.map(String).join('.');

function useField(path: WorldPath) {
  const id = useId();
  const { messages, change } = useContext(EditorContext);
  const message = messages.get(dotted(path));
  return {
    id,
    message,
    change: (value: unknown) => change(path, value),
    describe: message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-message` } : {},
  };
}

function Message({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={`${id}-message`} className="editor-message">
      {message}
    </span>
  ) : null;
}

/** Props shared by the fields: the visible label and the world path edited. */
interface FieldProps {
  label: string;
  path: WorldPath;
}

/** A one-line text field. `optional` turns an empty value into "absent". */
export function TextField({
  label,
  path,
  value,
  optional,
}: FieldProps & { value: string | undefined; optional?: boolean }): ReactElement {
  const f = useField(path);
  return (
    <label className="editor-field">
      <span>{label}</span>
      <input
        type="text"
        value={value ?? ''}
        onChange={(e) => f.change(optional && e.target.value === '' ? undefined : e.target.value)}
        {...f.describe}
      />
      <Message id={f.id} message={f.message} />
    </label>
  );
}

/** A list of strings, one per line (URIs, app ids, domains). */
export function LinesField({
  label,
  path,
  value,
  hint,
}: FieldProps & { value: readonly string[]; hint?: string }): ReactElement {
  const f = useField(path);
  const joined = value.join('\n');
  // The text as typed (a new empty line stays while the list ignores it).
  const [text, setText] = useState(joined);
  const lines = (t: string) =>
    t
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  const shown = lines(text).join('\n') === joined ? text : joined;
  return (
    <label className="editor-field">
      <span>
        {label}
        {hint ? <small> ({hint})</small> : null}
      </span>
      <textarea
        rows={Math.min(Math.max(value.length + 1, 2), 6)}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          f.change(lines(e.target.value));
        }}
        {...f.describe}
      />
      {/* Messages of single entries (path.N) show with the list. */}
      <ListMessages path={path} count={value.length} />
      <Message id={f.id} message={f.message} />
    </label>
  );
}

function ListMessages({ path, count }: { path: WorldPath; count: number }) {
  const { messages } = useContext(EditorContext);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const message = messages.get(dotted([...path, i]));
    if (message) lines.push(`Line ${i + 1}: ${message}`);
  }
  return lines.length > 0 ? <span className="editor-message">{lines.join(' ')}</span> : null;
}

/** A checkbox; `toValue` maps the tick to what the path holds (default the boolean). */
export function CheckField({
  label,
  path,
  value,
  toValue,
}: FieldProps & {
  value: boolean | undefined;
  toValue?: (checked: boolean) => unknown;
}): ReactElement {
  const f = useField(path);
  return (
    <label className="editor-check">
      <input
        type="checkbox"
        checked={value ?? false}
        onChange={(e) => f.change(toValue ? toValue(e.target.checked) : e.target.checked)}
        {...f.describe}
      />
      {label}
      <Message id={f.id} message={f.message} />
    </label>
  );
}

/** A choice among fixed values of any type (numbers, null, strings), shown by their labels. */
export function SelectField<T>({
  label,
  path,
  value,
  options,
  onPick,
}: FieldProps & {
  value: T;
  options: readonly { value: T; label: string }[];
  /** Instead of setting `path`: e.g. to set two fields that go together. */
  onPick?: (value: T) => void;
}): ReactElement {
  const f = useField(path);
  const index = options.findIndex((o) => o.value === value);
  return (
    <label className="editor-field">
      <span>{label}</span>
      <select
        value={index < 0 ? '' : String(index)}
        onChange={(e) => {
          const option = options[Number(e.target.value)];
          if (!option) return;
          if (onPick) onPick(option.value);
          else f.change(option.value);
        }}
        {...f.describe}
      >
        {index < 0 ? <option value="">(other: {String(value)})</option> : null}
        {options.map((o, i) => (
          <option key={o.label} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
      <Message id={f.id} message={f.message} />
    </label>
  );
}

/** A titled group of fields (an item of a list) with an optional remove button. */
export function Group({
  title,
  onRemove,
  removeLabel,
  children,
}: {
  title: string;
  onRemove?: () => void;
  removeLabel?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <fieldset className="editor-group">
      <legend>{title}</legend>
      {children}
      {onRemove ? (
        <button type="button" className="editor-small-button" onClick={onRemove}>
          {removeLabel ?? `Remove ${title}`}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * A list of the world's items as {@link Group}s, each with its remove button, then a button named
 * `addLabel` that appends `newItem()`. `onChange` gets the whole new list (an item removed or
 * added); the fields inside each group write their own paths.
 */
export function GroupList<T>({
  items,
  itemKey,
  title,
  removeLabel,
  onChange,
  newItem,
  addLabel,
  children,
}: {
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  title: (item: T, index: number) => string;
  /** The remove button's name; `Remove <title>` when not given. */
  removeLabel?: (item: T, index: number) => string;
  onChange: (items: T[]) => void;
  newItem: () => T;
  addLabel: string;
  children: (item: T, index: number) => ReactNode;
}): ReactElement {
  return (
    <>
      {items.map((item, i) => (
        <Group
          key={itemKey(item, i)}
          title={title(item, i)}
          {...(removeLabel ? { removeLabel: removeLabel(item, i) } : {})}
          onRemove={() => onChange(items.filter((_, k) => k !== i))}
        >
          {children(item, i)}
        </Group>
      ))}
      <button
        type="button"
        className="editor-small-button"
        onClick={() => onChange([...items, newItem()])}
      >
        {addLabel}
      </button>
    </>
  );
}
