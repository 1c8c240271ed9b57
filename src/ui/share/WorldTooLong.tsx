// The Share dialog's note when an edited scenario makes the link too long: it offers the file.
import type { ReactElement } from 'react';
import { MAX_SHARE_LINK_CHARS } from '../../state/world/link-world';
import type { World } from '../../state/world/schema';
import { encodeScenarioFile, scenarioFileName } from '../../state/workspace/scenario-file';
import { downloadText } from '../export/download';

/** Props of {@link WorldTooLong}. */
export interface WorldTooLongProps {
  /** Length of the share link, characters. */
  length: number;
  world: World;
  name: string;
}

/**
 * Says that the link is longer than {@link MAX_SHARE_LINK_CHARS} characters and offers the edited
 * world as a scenario file (the workspace's versioned format, which "Import scenario" reads) ("Download the scenario file") to send instead.
 */
export function WorldTooLong({ length, world, name }: WorldTooLongProps): ReactElement {
  return (
    <div className="share-too-long" role="status">
      <p>
        This edited scenario makes the link {length.toLocaleString('en')} characters long, more than{' '}
        {MAX_SHARE_LINK_CHARS.toLocaleString('en')}: mail and chat tools may cut it. Send the
        scenario as a file instead; the other person opens it with “Import scenario”.
      </p>
      <button
        type="button"
        className="control"
        onClick={() =>
          downloadText(scenarioFileName(name), encodeScenarioFile(name, world), 'application/json')
        }
      >
        Download the scenario file
      </button>
    </div>
  );
}
