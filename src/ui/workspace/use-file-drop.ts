// Hook: a scenario file dropped anywhere on the app is imported (as "Import scenario" would).
import { useEffect, useState } from 'react';
import { appStore } from '../../state/index';

const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Listens on the window for files dragged over the app and imports the one dropped (the browser
 * would otherwise open it in place of the app). A drop that another handler already took
 * (`defaultPrevented`) is left alone. Returns whether files are being dragged over the page.
 */
export function useScenarioFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      // Leaving the window: no element is entered next.
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      setDragging(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      const [file] = files;
      if (!file) return;
      if (files.length > 1)
        appStore
          .getState()
          .notify(`${files.length} files were dropped; only "${file.name}" is imported.`);
      // The reader (zod, the world schema) loads with the first drop.
      void import('../../state/workspace/app-workspace').then(({ importScenarioFile }) =>
        importScenarioFile(file),
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
