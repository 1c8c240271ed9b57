// The sequence diagram as a picture file: the SVG text itself, or a PNG drawn from it.

/** Reads `width`/`height` (CSS px) from a standalone SVG's root element. */
function sizeOf(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  return { width, height };
}

/**
 * Draws a standalone SVG (as made by `toSequenceSvg`) on a canvas at `scale` times its size
 * (2 = sharp on slides) on a `background` colour, and returns it as a PNG blob. The SVG goes in as
 * a `data:` URL (allowed by the page's Content-Security-Policy), so nothing leaves the page.
 * Rejects when the browser cannot decode the picture.
 */
export function svgToPng(svg: string, background: string, scale = 2): Promise<Blob> {
  const { width, height } = sizeOf(svg);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('This browser cannot draw on a canvas.'));
        return;
      }
      context.fillStyle = background;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      );
    };
    image.onerror = () => reject(new Error('The diagram could not be drawn as a picture.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
